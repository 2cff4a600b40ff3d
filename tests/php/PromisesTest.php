<?php

declare(strict_types=1);

use Backorder\Constants;
use Backorder\Delta;
use Backorder\Engine;
use Backorder\Exception;
use Backorder\Label;
use Backorder\LinePromise;
use Backorder\Promise;
use Backorder\PromiseBook;
use Backorder\PromisePart;
use Backorder\Quote;
use Backorder\SupplyPromise;
use Backorder\Window;
use PHPUnit\Framework\TestCase;

/**
 * The promise engine through PHP (bo_promises_*): the apparel story of issue 3. Forty customers wait for
 * JKT-NAVY-M; PO-1001 (30) and PO-1002 (50) are inbound; PO-1001 then slips five days (examples/apparel/slip.json).
 */
final class PromisesTest extends TestCase
{
    private const SCENARIO = BO_APPAREL . '/scenario.json';
    private const SLIP = BO_APPAREL . '/slip.json';
    private const JACKET = 'JKT-NAVY-M';

    private static Engine $engine;

    public static function setUpBeforeClass(): void
    {
        self::$engine = new Engine(BO_APPAREL . '/policy.json');
    }

    private static function book(array|string $scenario = self::SCENARIO): PromiseBook
    {
        return self::$engine->promises($scenario);
    }

    private static function scenario(): array
    {
        return json_decode(file_get_contents(self::SCENARIO), true, 64, JSON_THROW_ON_ERROR);
    }

    /** @param list<LinePromise> $lines */
    private static function windows(array $lines): array
    {
        return array_map(static fn (LinePromise $l) => [$l->ship->from, $l->ship->to], $lines);
    }

    public function testFortyCustomersFirstComeFirstServed(): void
    {
        $lines = self::book()->lines();
        $this->assertCount(40, $lines);
        $this->assertContainsOnlyInstancesOf(LinePromise::class, $lines);
        foreach ($lines as $i => $line) {
            $this->assertSame(sprintf('A-%d', 1001 + $i), $line->orderId);
            $this->assertSame('1', $line->lineId);
            $this->assertSame(self::JACKET, $line->sku);
            $this->assertSame(1, $line->quantity);
            $this->assertSame($i, $line->linesAhead, "queue position of {$line->orderId}");
            $this->assertSame($i, $line->unitsAhead);
            $this->assertSame('inbound', $line->source);
            $this->assertSame('medium', $line->confidence);
            $this->assertFalse($line->lateSupply);
            $this->assertCount(1, $line->parts);
            $this->assertInstanceOf(PromisePart::class, $line->parts[0]);
            $this->assertSame($i < 30 ? 'PO-1001' : 'PO-1002', $line->parts[0]->supplyId);
            $this->assertSame(1, $line->parts[0]->quantity);
            $this->assertSame([$line->ship->from, $line->ship->to], [$line->parts[0]->from, $line->parts[0]->to]);
            $this->assertGreaterThanOrEqual($line->ship->from, $line->delivery->from);
            $this->assertGreaterThanOrEqual($line->ship->to, $line->delivery->to);
        }
        $first = array_slice($lines, 0, 30);
        $next = array_slice($lines, 30);
        $this->assertSame(array_fill(0, 30, ['2026-12-14', '2026-12-16']), self::windows($first));
        $this->assertSame(array_fill(0, 10, ['2026-12-31', '2027-01-06']), self::windows($next));
        $this->assertEquals(new Window('2026-12-14', '2026-12-16', 14, 16), $lines[0]->ship);
        $this->assertEquals(new Window('2026-12-31', '2027-01-06', 31, 37), $lines[39]->ship);
    }

    public function testSupplyWindows(): void
    {
        $supply = self::book()->supply();
        $this->assertContainsOnlyInstancesOf(SupplyPromise::class, $supply);
        $this->assertSame(
            [['PO-1001', self::JACKET, 30, '2026-12-14', '2026-12-16'], ['PO-1002', self::JACKET, 50, '2026-12-31', '2027-01-06']],
            array_map(static fn (SupplyPromise $s) => [$s->id, $s->sku, $s->quantity, $s->ship->from, $s->ship->to], $supply),
        );
    }

    public function testOneLine(): void
    {
        $book = self::book();
        $line = $book->line('A-1035');
        $this->assertNotNull($line);
        $this->assertSame(34, $line->linesAhead);
        $this->assertSame('2026-12-31', $line->ship->from);
        $this->assertEquals($line, $book->line('A-1035', '1'));
        $this->assertNull($book->line('A-1035', '2'));
        $this->assertNull($book->line('Z-1'));
    }

    public function testANewShopperIsQuotedTheSecondWindow(): void
    {
        $quote = self::book()->quote(self::JACKET);
        $this->assertInstanceOf(Quote::class, $quote);
        $this->assertSame(self::JACKET, $quote->sku);
        $this->assertSame(1, $quote->quantity);
        $this->assertEquals(new Window('2026-12-31', '2027-01-06', 31, 37), $quote->ship);
        $this->assertSame(40, $quote->linesAhead);
        $this->assertSame(40, $quote->unitsAhead);
        $this->assertSame('inbound', $quote->source);
        $this->assertSame('medium', $quote->confidence);
        $this->assertSame('PO-1002', $quote->supplyId);
        $this->assertSame(0, $quote->fromStock);
        $this->assertFalse($quote->lateSupply);
        $this->assertEquals($quote, Quote::fromArray($quote->toArray()));
    }

    public function testQuotesBeyondSupplyFromStockAndPerZone(): void
    {
        $book = self::book();
        // 40 units of PO-1002 are left: the 45th unit falls back to the lead time, never earlier than PO-1002
        $big = $book->quote(self::JACKET, 45);
        $this->assertSame(45, $big->quantity);
        $this->assertSame('lead_time', $big->source);
        $this->assertSame('low', $big->confidence);
        $this->assertNull($big->supplyId);
        $this->assertArrayNotHasKey('supply_id', $big->toArray());
        $this->assertGreaterThanOrEqual('2026-12-31', $big->ship->from);

        $olive = $book->quote('JKT-OLIVE-M', 2);
        $this->assertSame('stock', $olive->source);
        $this->assertSame('high', $olive->confidence);
        $this->assertSame(2, $olive->fromStock);
        $this->assertSame(0, $olive->linesAhead);

        $this->assertEquals($book->quote(self::JACKET)->ship, $book->quote(self::JACKET, 1, 'US')->ship);
    }

    public function testBadQuotes(): void
    {
        $book = self::book();
        foreach ([['NOPE', 1, 'sku', Constants::BO_ENOTFOUND], [self::JACKET, 0, 'quantity', Constants::BO_EINVALID]] as [$sku, $qty, $path, $code]) {
            try {
                $book->quote($sku, $qty);
                $this->fail("no exception for $sku x$qty");
            } catch (Exception $e) {
                $this->assertSame($path, $e->getErrorPath());
                $this->assertSame($code, $e->getCode());
            }
        }
    }

    public function testTheSlipMovesExactlyTheFirstThirtyLines(): void
    {
        $book = self::book();
        $deltas = $book->apply(self::SLIP);
        $this->assertCount(30, $deltas);
        $this->assertContainsOnlyInstancesOf(Delta::class, $deltas);
        foreach ($deltas as $i => $d) {
            $this->assertSame(sprintf('A-%d', 1001 + $i), $d->orderId);
            $this->assertSame('1', $d->lineId);
            $this->assertSame(self::JACKET, $d->sku);
            $this->assertFalse($d->removed);
            $this->assertInstanceOf(Promise::class, $d->after);
            $this->assertSame(['2026-12-14', '2026-12-16'], [$d->before->ship->from, $d->before->ship->to]);
            $this->assertSame(['2026-12-17', '2026-12-23'], [$d->after->ship->from, $d->after->ship->to]);
            $this->assertSame($i, $d->after->linesAhead);
        }
        // lines() sees the change; the ten lines on PO-1002 did not move
        $lines = $book->lines();
        $this->assertSame(array_fill(0, 30, ['2026-12-17', '2026-12-23']), self::windows(array_slice($lines, 0, 30)));
        $this->assertSame(array_fill(0, 10, ['2026-12-31', '2027-01-06']), self::windows(array_slice($lines, 30)));
        $this->assertEquals($deltas[0]->after, $lines[0]->promise());
        // the same change again moves nothing
        $this->assertSame([], $book->apply(self::SLIP));
    }

    public function testAChangeAsArrayJsonOrFile(): void
    {
        $json = file_get_contents(self::SLIP);
        $expected = array_map(static fn (Delta $d) => $d->toArray(), self::book()->apply(self::SLIP));
        foreach ([$json, json_decode($json, true), ['type' => 'supply_changed', 'id' => 'PO-1001', 'expected' => new DateTimeImmutable('2026-12-15'), 'status' => null]] as $change) {
            $this->assertSame($expected, array_map(static fn (Delta $d) => $d->toArray(), self::book()->apply($change)));
        }
    }

    public function testCancelledOrderIsRemovedAndTheQueueMoves(): void
    {
        $book = self::book();
        $deltas = $book->apply(['type' => 'order_cancelled', 'order_id' => 'A-1001']);
        $this->assertCount(2, $deltas);
        [$gone, $moved] = $deltas;
        $this->assertSame('A-1001', $gone->orderId);
        $this->assertTrue($gone->removed);
        $this->assertNull($gone->after);
        $this->assertNull($gone->toArray()['after']);
        $this->assertSame('A-1031', $moved->orderId);   // the first line on PO-1002 now gets PO-1001's last unit
        $this->assertSame('2026-12-31', $moved->before->ship->from);
        $this->assertSame('2026-12-14', $moved->after->ship->from);
        $this->assertSame(29, $moved->after->linesAhead);
        $this->assertNull($book->line('A-1001'));
        $this->assertCount(39, $book->lines());
        $this->assertSame(39, $book->quote(self::JACKET)->linesAhead);
    }

    public function testStockReceivedAgainstASupply(): void
    {
        $book = self::book();
        $deltas = $book->apply(['type' => 'stock_received', 'sku' => self::JACKET, 'quantity' => 30, 'supply_id' => 'PO-1001']);
        $this->assertCount(30, $deltas);
        foreach ($book->lines() as $i => $line) {
            $this->assertSame($i < 30 ? 'stock' : 'inbound', $line->source);
        }
        $this->assertSame('high', $book->line('A-1001')->confidence);
    }

    public function testBadScenarioThrowsWithItsPath(): void
    {
        $cases = [
            'supply[0].quantity' => static function (array $s) { $s['supply'][0]['quantity'] = -3; return $s; },
            'orders[2].sku' => static function (array $s) { $s['orders'][2]['sku'] = 'NOPE'; return $s; },
            'supply[1].expected' => static function (array $s) { $s['supply'][1]['expected'] = ['from' => '2026-12-30', 'to' => '2026-12-20']; return $s; },
            'now' => static function (array $s) { unset($s['now']); return $s; },
        ];
        foreach ($cases as $path => $break) {
            $bad = $break(self::scenario());
            foreach ([$bad, json_encode($bad)] as $form) {
                try {
                    self::book($form);
                    $this->fail("no exception for $path");
                } catch (Exception $e) {
                    $this->assertSame($path, $e->getErrorPath());
                    $this->assertSame(Constants::BO_EINVALID, $e->getCode());
                    $this->assertStringStartsWith("$path: ", $e->getMessage());
                    $this->assertNotSame('', $e->getReason());
                }
            }
        }
        foreach (['{"now": ', '/nonexistent/scenario.json', ''] as $bad) {
            try {
                self::book($bad);
                $this->fail("no exception for \"$bad\"");
            } catch (Exception $e) {
                $this->assertSame('scenario', $e->getErrorPath());
                $this->assertSame(Constants::BO_EINVALID, $e->getCode());
            }
        }
    }

    public function testABadChangeChangesNothing(): void
    {
        $book = self::book();
        $before = $book->toArray();
        $json = $book->json();
        $bad = [
            'change.expected' => ['type' => 'supply_changed', 'id' => 'PO-1001', 'expected' => '2026-13-15'],
            'change.quantity' => ['type' => 'supply_changed', 'id' => 'PO-1001', 'quantity' => -1],
            'change.type' => ['type' => 'teleport'],
            'change.id' => ['type' => 'supply_changed', 'id' => 'PO-9', 'expected' => '2026-12-15'],
            'change' => '{"type": ',
        ];
        foreach ($bad as $path => $change) {
            try {
                $book->apply($change);
                $this->fail("no exception for $path");
            } catch (Exception $e) {
                $this->assertSame($path, $e->getErrorPath());
                $this->assertSame($path === 'change.id' ? Constants::BO_ENOTFOUND : Constants::BO_EINVALID, $e->getCode(), $path);
            }
            $this->assertEquals($before, $book->toArray(), "lines() after the rejected $path");
            $this->assertSame($json, $book->json());
        }
        // and the book still takes a good change
        $this->assertCount(30, $book->apply(self::SLIP));
    }

    public function testLabelsFromPromises(): void
    {
        $book = self::book();
        $labels = $book->labels('en-US');
        $this->assertContainsOnlyInstancesOf(Label::class, $labels);
        $this->assertSame([self::JACKET, 'JKT-OLIVE-M', 'SCF-WOOL-GRY'], array_map(static fn (Label $l) => $l->sku, $labels));
        $jacket = $labels[0];
        $this->assertSame('backorder', $jacket->status);
        $this->assertSame('Backorder – ships in 31–37 days', $jacket->text);
        $this->assertEquals(new Window('2026-12-31', '2027-01-06', 31, 37), $jacket->laterWindow);
        $this->assertSame('2026-12-31T00:00:00-05:00', $jacket->availabilityDate);
        $this->assertSame(0, $jacket->sellable);
        $this->assertSame('in_stock', $labels[1]->status);
        $this->assertSame(37, $labels[2]->sellable);   // 40 on hand, 3 reserved

        // the policy's locale by default; a subset in the order asked; another locale
        $this->assertEquals($labels, $book->labels());
        $this->assertEquals([$labels[2], $jacket], $book->labels('en-US', 1, ['SCF-WOOL-GRY', self::JACKET]));
        $de = $book->labels('de-DE', 1, [self::JACKET])[0];
        $this->assertNotSame($jacket->text, $de->text);
        $this->assertEquals($jacket->laterWindow, $de->laterWindow);
        $this->assertSame(3, $book->labels('en-US', 3, [self::JACKET])[0]->later);
    }

    public function testBadLabelRequests(): void
    {
        $book = self::book();
        foreach ([
            'locale' => static fn () => $book->labels('xx-NOPE-123456789'),
            'skus[1]' => static fn () => $book->labels('en-US', 1, [self::JACKET, 'NOPE']),
            'quantity' => static fn () => $book->labels('en-US', 0),
            'skus' => static fn () => $book->labels('en-US', 1, ['a' => self::JACKET]),
        ] as $path => $call) {
            try {
                $call();
                $this->fail("no exception for $path");
            } catch (Exception $e) {
                $this->assertSame($path, $e->getErrorPath());
                $this->assertSame(Constants::BO_EINVALID, $e->getCode());
            }
        }
    }

    public function testToArrayHasTheJsonShape(): void
    {
        $book = self::book();
        $a = $book->toArray();
        $this->assertSame(['lines', 'supply'], array_keys($a));
        $this->assertEquals(json_decode($book->json(), true), $a);
        $this->assertEquals($a, json_decode(json_encode($book), true));
        $this->assertSame(
            ['order_id', 'line_id', 'sku', 'quantity', 'ship', 'delivery', 'source', 'confidence', 'lines_ahead',
             'units_ahead', 'late_supply', 'parts'],
            array_keys($a['lines'][0]),
        );
        $this->assertSame(['source', 'supply_id', 'quantity', 'from', 'to'], array_keys($a['lines'][0]['parts'][0]));
        foreach ($book->lines() as $line) {
            $this->assertEquals($line, LinePromise::fromArray($line->toArray()));
        }
        $d = $book->apply(self::SLIP)[0];
        $this->assertSame(['order_id', 'line_id', 'sku', 'removed', 'before', 'after'], array_keys($d->toArray()));
        $this->assertEquals($d, Delta::fromArray($d->toArray()));
    }

    public function testScenarioAsArrayWithDatesAndNulls(): void
    {
        $expected = self::book()->toArray();
        $s = self::scenario();
        $this->assertEquals($expected, self::book(file_get_contents(self::SCENARIO))->toArray());
        $this->assertEquals($expected, self::book($s)->toArray());

        $s['now'] = new DateTimeImmutable(BO_NOW);
        $s['supply'][0]['expected'] = new DateTimeImmutable('2026-12-10 00:00', new DateTimeZone('America/New_York'));
        $s['orders'][0]['placed_at'] = new DateTimeImmutable('2026-11-10T09:00:00-05:00');
        $s['orders'][0]['priority'] = null;             // null: not given
        $s['stock'][0]['reserved'] = null;
        $s['stock'][] = ['sku' => 'SCF-WOOL-GRY-XL', 'on_hand' => null];
        $s['items'][] = ['sku' => 'SCF-WOOL-GRY-XL', 'name' => null];
        $book = self::book($s);
        $this->assertEquals($expected['lines'], $book->toArray()['lines']);
        $this->assertSame('in_stock', $book->labels('en-US', 1, ['SCF-WOOL-GRY'])[0]->status);
    }

    public function testNewOrdersJoinTheBackOfTheQueue(): void
    {
        $book = self::book();
        $quote = $book->quote(self::JACKET);
        $deltas = $book->apply([
            'type' => 'order_placed', 'order_id' => 'A-2001', 'sku' => self::JACKET, 'quantity' => 1,
            'placed_at' => new DateTimeImmutable('2026-11-30T09:00:00-05:00'),
        ]);
        $this->assertSame([], array_filter($deltas, static fn (Delta $d) => $d->orderId !== 'A-2001'));
        $line = $book->line('A-2001');
        $this->assertNotNull($line);
        $this->assertSame(40, $line->linesAhead);
        $this->assertEquals($quote->ship, $line->ship);
        $this->assertSame(41, $book->quote(self::JACKET)->linesAhead);
    }

    public function testLifetime(): void
    {
        $engine = new Engine(BO_APPAREL . '/policy.json');
        $book = $engine->promises(self::SCENARIO);
        unset($engine);                                   // the book keeps its engine
        gc_collect_cycles();
        $this->assertSame('Backorder – ships in 31–37 days', $book->labels('en-US', 1, [self::JACKET])[0]->text);
        $this->assertInstanceOf(Engine::class, $book->engine());
        $book->close();
        $book->close();                                   // twice is fine
        $this->expectException(Exception::class);
        $book->lines();
    }
}
