<?php

declare(strict_types=1);

use Backorder\ApplyResult;
use Backorder\CheckoutPlan;
use Backorder\Constants;
use Backorder\Engine;
use Backorder\Exception;
use Backorder\Label;
use Backorder\Message;
use Backorder\Store;
use PHPUnit\Framework\TestCase;

/**
 * The ledger through PHP (bo_store_*) on every backend: SQLite in memory, SQLite in a file, and PostgreSQL when
 * BO_TEST_POSTGRES_URL names a server (scripts/pg.sh starts one). Each test is its own shop, so tests sharing
 * one PostgreSQL database never see each other's rows.
 */
final class StoreTest extends TestCase
{
    private const SECRET = 'a-test-secret-of-32-bytes-length';
    private const ORDER_AT = '2026-11-30T09:06:00-05:00';
    private const LATER = '2027-06-01T00:00:00+00:00'; // every message the tests write is due by then
    private const MIXED = [
        ['line_id' => '1', 'sku' => 'JKT-NAVY-M', 'quantity' => 1],
        ['line_id' => '2', 'sku' => 'SCF-WOOL-GRY', 'quantity' => 1],
        ['line_id' => '3', 'sku' => 'JNS-SLIM-32', 'quantity' => 1],
    ];

    private static int $shops = 0;
    private ?string $dir = null;
    /** the shop of the last engine() */
    private string $shop = '';

    protected function tearDown(): void
    {
        if ($this->dir !== null) {
            foreach (glob($this->dir . '/*') ?: [] as $f) {
                unlink($f);
            }
            rmdir($this->dir);
            $this->dir = null;
        }
    }

    /** @return array<string, array{string}> */
    public static function backends(): array
    {
        return ['sqlite memory' => ['sqlite-memory'], 'sqlite file' => ['sqlite-file'], 'postgresql' => ['postgresql']];
    }

    /** @return array<string, array{string}> the backends whose handles share a database */
    public static function sharedBackends(): array
    {
        return ['sqlite file' => ['sqlite-file'], 'postgresql' => ['postgresql']];
    }

    private function url(string $backend): string
    {
        if ($backend === 'postgresql') {
            $url = getenv('BO_TEST_POSTGRES_URL');
            if ($url === false || $url === '') {
                $this->markTestSkipped('BO_TEST_POSTGRES_URL is not set (scripts/pg.sh start DIR prints one)');
            }
            return $url;
        }
        if ($backend === 'sqlite-file') {
            if ($this->dir === null) {
                $this->dir = sys_get_temp_dir() . '/bo-php-store-' . getmypid() . '-' . bin2hex(random_bytes(4));
                mkdir($this->dir);
            }
            return 'sqlite:' . $this->dir . '/ledger.db';
        }
        return 'sqlite::memory:';
    }

    /** The apparel policy as a shop no other test uses. */
    private function engine(): Engine
    {
        $policy = json_decode(file_get_contents(BO_APPAREL . '/policy.json'), true, 64, JSON_THROW_ON_ERROR);
        $policy['shop'] = $this->shop = sprintf('php-%d-%d-%s', getmypid(), ++self::$shops, bin2hex(random_bytes(4)));
        return new Engine($policy);
    }

    private function open(string $backend, ?Engine $engine = null, ?string $secret = self::SECRET): Store
    {
        return ($engine ?? $this->engine())->store($this->url($backend), $secret);
    }

    private static function catalog(string $id = 'catalog-1', string $at = '2026-11-30T08:00:00-05:00'): array
    {
        $event = ['id' => $id, 'type' => 'catalog', 'at' => $at];
        foreach (['catalog', 'stock'] as $part) {
            $event += json_decode(file_get_contents(BO_APPAREL . "/$part.json"), true, 64, JSON_THROW_ON_ERROR);
        }
        return $event;
    }

    private static function order(string $eventId, string $orderId, ?array $lines = null, string $at = self::ORDER_AT): array
    {
        return ['id' => $eventId, 'type' => 'order_placed', 'at' => $at, 'order' => [
            'id' => $orderId,
            'customer' => ['name' => 'Dana', 'email' => 'dana@example.com', 'locale' => 'en-US', 'zone' => 'US'],
            'lines' => $lines ?? [['line_id' => '1', 'sku' => 'JKT-NAVY-M', 'quantity' => 1]],
        ]];
    }

    /** @param list<Message> $messages */
    private static function kinds(array $messages): array
    {
        return array_map(static fn (Message $m) => $m->kind, $messages);
    }

    // ---- events ----------------------------------------------------------------------------------------

    /** @dataProvider backends */
    public function testAnEventAppliesOnce(string $backend): void
    {
        $store = $this->open($backend);
        $this->assertEquals([new ApplyResult('catalog-1', 'catalog', 'applied', 0, 0)], $store->apply(self::catalog()));
        $first = $store->apply(self::order('e-order', 'NW-1', self::MIXED));
        $this->assertCount(1, $first);
        $this->assertTrue($first[0]->applied());
        $this->assertSame(1, $first[0]->messages);
        $again = $store->apply(json_encode(self::order('e-order', 'NW-1', self::MIXED)));
        $this->assertSame('duplicate', $again[0]->status);
        $this->assertFalse($again[0]->applied());
        $this->assertSame(['id' => 'e-order', 'type' => 'order_placed', 'status' => 'duplicate', 'moved' => 0,
            'messages' => 0], $again[0]->toArray());
        $this->assertSame(['confirmation'], self::kinds($store->outbox(now: self::LATER)));
    }

    /** @dataProvider backends */
    public function testCancellingAPaidOrderReturnsAndRecordsTheRefund(string $backend): void
    {
        $store = $this->open($backend);
        $store->apply(self::catalog());
        $placed = self::order('o', 'NW-7', [['line_id' => '1', 'sku' => 'JKT-NAVY-M', 'quantity' => 3]]);
        $placed['paid'] = ['currency' => 'USD', 'payment' => 'card', 'jurisdiction' => 'US',
            'lines' => [['line_id' => '1', 'quantity' => 3, 'unit_price' => 12900, 'tax' => ['rate_bp' => 825]]],
            'discounts' => [['amount' => 1000]], 'shipping' => ['charged' => 595]];
        $store->apply($placed);
        $results = $store->apply(['id' => 'c1', 'type' => 'line_cancelled', 'at' => '2026-12-01T10:00:00-05:00',
            'order_id' => 'NW-7', 'line_id' => '1']);
        $refund = $results[0]->refund;
        $this->assertIsArray($refund);
        $this->assertSame(3 * 12900, $refund['items']);
        $this->assertSame(1000, $refund['discount']);
        $this->assertSame($refund['total'], array_sum(array_column($refund['lines'], 'total')) + $refund['shipping']);
        $this->assertSame([$refund], $store->order('NW-7')['refunds']);
    }

    /** @dataProvider backends */
    public function testABadEventThrowsWithItsPathAndChangesNothing(string $backend): void
    {
        $store = $this->open($backend);
        $store->apply(self::catalog());
        try {
            $store->apply(self::order('e-1', 'NW-9', [['line_id' => '1', 'sku' => 'NO-SUCH-SKU', 'quantity' => 1]]));
            $this->fail('an unknown sku was accepted');
        } catch (Exception $e) {
            $this->assertSame('order.lines[0].sku', $e->getErrorPath());
            $this->assertSame(Constants::BO_ENOTFOUND, $e->getCode()); // only the ledger knows it
        }
        try {
            $store->order('NW-9');
            $this->fail('the refused order exists');
        } catch (Exception $e) {
            $this->assertSame(Constants::BO_ENOTFOUND, $e->getCode());
            $this->assertSame('order_id', $e->getErrorPath());
        }
        $this->assertSame([], $store->outbox(now: self::LATER));

        $zero = self::order('e-2', 'NW-9', [['line_id' => '1', 'sku' => 'JKT-NAVY-M', 'quantity' => 0]]);
        try {
            $store->apply([self::order('e-3', 'NW-8'), $zero]);
            $this->fail('a zero quantity was accepted');
        } catch (Exception $e) {
            $this->assertSame('[1].order.lines[0].quantity', $e->getErrorPath());
            $this->assertContains('[1].order.lines[0].quantity', $e->getErrorPaths());
        }
        // The good event of the refused batch was not applied either.
        $this->assertTrue($store->apply(self::order('e-3', 'NW-8'))[0]->applied());

        $this->expectException(Exception::class);
        $store->apply('{not json');
    }

    /** @dataProvider backends */
    public function testDatesInEventsAreWrittenAsTheLibraryReadsThem(string $backend): void
    {
        $store = $this->open($backend);
        $store->apply(self::catalog());
        $at = new DateTimeImmutable(self::ORDER_AT);
        $order = ['at' => $at, 'priority' => null] + self::order('o1', 'NW-1'); // null: not given
        $this->assertTrue($store->apply($order)[0]->applied());
        $this->assertSame(self::ORDER_AT, $store->order('NW-1')['placed_at']);
        $result = $store->apply(['id' => 'po', 'type' => 'supply_added', 'at' => $at, 'supply' => [
            'id' => 'PO-1', 'sku' => 'JKT-NAVY-M', 'quantity' => 5, 'expected' => new DateTimeImmutable('2026-12-03'),
            'supplier' => null]]);
        $this->assertTrue($result[0]->applied());
        $this->assertSame('inbound', $store->order('NW-1')['lines'][0]['source']);
    }

    // ---- the outbox ------------------------------------------------------------------------------------

    /** @dataProvider backends */
    public function testTheConfirmationNamesTheJacketAndItsWindow(string $backend): void
    {
        $store = $this->open($backend);
        $store->apply([self::catalog(), self::order('e-order', 'NW-1', self::MIXED)]);
        $claimed = $store->claim(now: new DateTimeImmutable('2026-11-30T09:10:00-05:00'));
        $this->assertSame(['confirmation'], self::kinds($claimed));
        $m = $claimed[0];
        $this->assertInstanceOf(Message::class, $m);
        $this->assertSame($this->shop . ':confirmation:NW-1', $m->key);
        $this->assertSame(['NW-1', 'dana@example.com', 'en-US', 'leased', 1],
            [$m->orderId, $m->recipient, $m->locale, $m->state, $m->attempts]);
        $this->assertStringContainsString('NW-1', $m->subject);
        $this->assertStringContainsString('Field jacket, navy, M', $m->text);
        $this->assertStringContainsString('Field jacket, navy, M', $m->html);
        $this->assertStringContainsString('on backorder', $m->text);
        $this->assertStringContainsString('Dec 10', $m->text);
        $this->assertSame(self::ORDER_AT, $m->createdAt);
        $a = $m->toArray();
        $this->assertSame(['id', 'key', 'kind', 'order_id', 'recipient', 'locale', 'subject', 'text', 'html',
            'created_at', 'available_at', 'attempts', 'state'], array_keys($a));
        $this->assertEquals($m, Message::fromArray($a));
        $this->assertSame($a, json_decode(json_encode($m), true));
    }

    /** @dataProvider backends */
    public function testAckReleaseAndLeaseExpiry(string $backend): void
    {
        $store = $this->open($backend);
        $store->apply([self::catalog(), self::order('e-order', 'NW-1', self::MIXED)]);
        $store->apply(['id' => 'ship', 'type' => 'shipment_created', 'at' => '2026-11-30T16:00:00-05:00',
            'order_id' => 'NW-1', 'shipment_id' => 'S1', 'lines' => [['line_id' => '2', 'quantity' => 1]]]);
        $now = new DateTimeImmutable('2026-11-30T17:00:00-05:00');
        $at = static fn (int $s) => $now->modify("+$s seconds");

        $first = $store->claim(10, 30, $now);
        $this->assertSame(['confirmation'], self::kinds($first), 'only the earliest message of an order');
        $this->assertSame([], $store->claim(10, 30, $now));
        $this->assertSame(['confirmation'], self::kinds($store->outbox('leased', now: $now)));

        $again = $store->claim(10, 30, $at(31)); // the lease ran out: handed out again, same key
        $this->assertSame([$first[0]->key], array_map(static fn (Message $m) => $m->key, $again));
        $this->assertSame(2, $again[0]->attempts);

        $store->release($again[0]);
        $released = $store->claim(10, 30, $at(32));
        $this->assertSame([$first[0]->id], array_map(static fn (Message $m) => $m->id, $released));
        $store->ack($released);

        $next = $store->claim(10, 30, $at(33));
        $this->assertSame(['shipped'], self::kinds($next));
        $store->ack([$next[0]->id, 999999]); // unknown ids are ignored
        $store->ack($next[0]->id);           // and settling twice is harmless
        $store->ack([]);
        $this->assertSame([], $store->claim(now: $at(86400)));
        $this->assertSame(['sent', 'sent'], array_map(static fn (Message $m) => $m->state, $store->outbox('sent', now: $now)));
        $this->assertCount(1, $store->outbox(limit: 1, now: $now));
    }

    /** @dataProvider backends */
    public function testOutboxArgumentsAreCheckedByTheLibrary(string $backend): void
    {
        $store = $this->open($backend);
        foreach ([
            'state' => static fn () => $store->outbox('lost', now: BO_NOW),
            'max' => static fn () => $store->claim(0, now: BO_NOW),
            'now' => static fn () => $store->claim(now: 'yesterday'),
            'ids[1]' => static fn () => $store->ack([1, 'two']),
        ] as $path => $call) {
            try {
                $call();
                $this->fail("accepted a bad $path");
            } catch (Exception $e) {
                $this->assertSame($path, $e->getErrorPath());
            }
        }
    }

    // ---- reads -----------------------------------------------------------------------------------------

    /** @dataProvider backends */
    public function testLabelsAndCheckoutAreWhatAPromiseBookAnswers(string $backend): void
    {
        $engine = $this->engine();
        $store = $this->open($backend, $engine);
        $event = self::catalog();
        $store->apply($event);
        $book = $engine->promises(['now' => BO_NOW, 'items' => $event['items'], 'stock' => $event['stock']]);
        $skus = ['JKT-NAVY-M', 'SCF-WOOL-GRY', 'TEE-BASIC-S'];
        $labels = $store->labels($skus, BO_NOW);
        $this->assertContainsOnlyInstancesOf(Label::class, $labels);
        $this->assertEquals($book->labels(skus: $skus), $labels);
        $this->assertSame('Backorder – ships in 10–14 days', $labels[0]->text);
        $this->assertEquals($book->labels('de-DE', 2, ['JKT-NAVY-M']), $store->labels('JKT-NAVY-M', BO_NOW, 'de-DE', 2));
        try {
            $store->labels(['JKT-NAVY-M', 'NOPE'], BO_NOW);
            $this->fail('an unknown sku was labelled');
        } catch (Exception $e) {
            $this->assertSame('skus[1]', $e->getErrorPath());
        }

        $customer = ['locale' => 'en-US', 'zone' => 'US'];
        $cart = ['currency' => 'USD', 'lines' => self::MIXED];
        $plan = $store->checkout($cart, $customer, BO_NOW);
        $this->assertInstanceOf(CheckoutPlan::class, $plan);
        $this->assertSame($book->checkout($cart, $customer)->toArray(), $plan->toArray());
        $this->assertTrue($plan->mixed);
        $this->assertSame('ship_available', $plan->consent('ship_available', [], BO_NOW)->strategy);
        try {
            $store->checkout(['currency' => 'USD', 'lines' => [['line_id' => '1', 'sku' => 'NOPE']]], $customer, BO_NOW);
            $this->fail('an unknown sku was planned');
        } catch (Exception $e) {
            $this->assertSame('cart.lines[0].sku', $e->getErrorPath());
        }
    }

    /** @dataProvider backends */
    public function testTheDemoStory(string $backend): void
    {
        $store = $this->open($backend);
        $steps = self::playDemo($store);
        $kinds = array_map(static fn (array $s) => self::kinds($s['messages']), $steps);
        $this->assertSame([
            [],
            ['confirmation'],
            ['shipped'],      // the scarf and the jeans
            ['eta_update'],   // the purchase order makes the jacket sooner
            [],
            ['back_in_stock'],
            ['delay', 'delay_notice'], // the supplier slips past the promised date: the apology, the FTC notice
            ['arrived'],
            ['shipped'],      // the jacket
        ], $kinds);

        // The product page, then checkout: the other items now, the jacket later.
        $this->assertSame('Backorder – ships in 10–14 days', $steps[0]['labels']['JKT-NAVY-M']);
        $this->assertSame('In stock', $steps[0]['labels']['SCF-WOOL-GRY']);
        $this->assertTrue($steps[1]['plan']->mixed);
        $this->assertSame('ship_available', $steps[1]['consent']->strategy);
        // The confirmation restates the ETA and the choice.
        $confirmation = $steps[1]['messages'][0]->text;
        $this->assertStringContainsString('Field jacket, navy, M', $confirmation);
        $this->assertStringContainsString('Dec 10', $confirmation);
        $this->assertStringContainsString('You chose to receive the items in stock now', $confirmation);
        // The scarf and the jeans ship with tracking.
        $this->assertStringContainsString('https://track.example.com/UPS/1Z999AA10123456784', $steps[2]['messages'][0]->text);
        // Lee hears of the restock, in German, with a manage link.
        $back = $steps[5]['messages'];
        $this->assertSame(['lee@example.com'], array_map(static fn (Message $m) => $m->recipient, $back));
        $this->assertNull($back[0]->orderId);
        $this->assertSame('de-DE', $back[0]->locale);
        $this->assertStringContainsString('https://northwind.example.com/notify/', $back[0]->text);
        // The slip: one apology, with free expedited shipping and a discount code.
        $this->assertStringContainsString('expedited', $steps[6]['messages'][0]->text);
        $this->assertStringContainsString('SORRY-', $steps[6]['messages'][0]->text);
        $this->assertCount(2, $store->order('NW-10482')['remedies']);
        // A US order past the date stated at checkout (14 December): the FTC delay notice, silence being consent.
        $this->assertStringContainsString('by December 14, the date we had to ship by', $steps[6]['messages'][1]->text);
        $this->assertStringContainsString('if we don’t hear from you, we take it that you agree', $steps[6]['messages'][1]->text);
        // The jacket arrives, then ships with tracking.
        $this->assertStringContainsString('Field jacket, navy, M', $steps[7]['messages'][0]->text);
        $this->assertStringContainsString('1Z999AA10123456795', $steps[8]['messages'][0]->text);
        $order = $store->order('NW-10482');
        $this->assertSame([0, 0, 0], array_column($order['lines'], 'waiting'));
        $this->assertCount(2, $order['shipments']);
    }

    /**
     * Plays examples/apparel/demo.json as `backorder demo` does; per step, what the shopper saw and the
     * messages sent (claimed, then acknowledged) at that step's moment.
     */
    private static function playDemo(Store $store): array
    {
        $story = json_decode(file_get_contents(BO_APPAREL . '/demo.json'), true, 64, JSON_THROW_ON_ERROR);
        $store->apply(self::catalog('demo-catalog', $story['steps'][0]['at']));
        $seen = [];
        foreach ($story['steps'] as $i => $step) {
            $n = $i + 1;
            $at = $step['at'];
            $out = ['at' => $at];
            if (isset($step['labels'])) {
                foreach ($store->labels($step['labels'], $at, 'en-US') as $label) {
                    $out['labels'][$label->sku] = $label->text;
                }
            }
            if (isset($step['checkout'])) {
                $cart = $step['checkout']['cart'];
                $out['plan'] = $store->checkout($cart, $step['checkout']['customer'], $at);
                $out['consent'] = $out['plan']->consent($step['choose']['strategy'], [], $at);
                $order = $step['order'];
                $order['lines'] = array_map(static fn (array $l) => ['line_id' => $l['line_id'], 'sku' => $l['sku'],
                    'quantity' => $l['quantity']], $cart['lines']);
                $store->apply(['id' => "demo-$n", 'type' => 'order_placed', 'at' => $at, 'order' => $order,
                    'consent' => $out['consent']] + (isset($step['paid']) ? ['paid' => $step['paid']] : []));
            }
            if (isset($step['events'])) {
                $events = [];
                foreach ($step['events'] as $k => $e) {
                    $events[] = ['id' => "demo-$n-" . ($k + 1), 'at' => $at] + $e;
                }
                $store->apply($events);
            }
            $out['messages'] = [];
            while (($batch = $store->claim(100, 60, $at)) !== []) {
                array_push($out['messages'], ...$batch);
                $store->ack($batch);
            }
            $seen[] = $out;
        }
        return $seen;
    }

    // ---- shops and handles -----------------------------------------------------------------------------

    /** @dataProvider sharedBackends */
    public function testOneShopNeverSeesAnother(string $backend): void
    {
        $store = $this->open($backend);
        $store->apply([self::catalog(), self::order('e-order', 'NW-1', self::MIXED)]);
        $other = $this->open($backend);
        try {
            $other->order('NW-1');
            $this->fail("another shop's order was read");
        } catch (Exception $e) {
            $this->assertSame(Constants::BO_ENOTFOUND, $e->getCode());
        }
        $this->assertSame([], $other->claim(now: self::LATER));
        $this->assertSame([], $other->outbox(now: self::LATER));
        try {
            $other->apply(['id' => 'x', 'type' => 'shipment_created', 'at' => '2026-12-01T10:00:00-05:00',
                'order_id' => 'NW-1', 'shipment_id' => 'S1', 'lines' => [['line_id' => '2', 'quantity' => 1]]]);
            $this->fail("another shop's order was shipped");
        } catch (Exception) {
        }
        $pending = $store->outbox('pending', now: self::LATER);
        $other->ack($pending);
        $other->release($pending);
        $this->assertEquals($pending, $store->outbox('pending', now: self::LATER));
        // The same event id is the other shop's own.
        $other->apply(self::catalog());
        $this->assertTrue($other->apply(self::order('e-order', 'NW-1'))[0]->applied());
    }

    /** @dataProvider sharedBackends */
    public function testReopeningKeepsEverything(string $backend): void
    {
        $engine = $this->engine();
        $store = $this->open($backend, $engine);
        $store->apply([self::catalog(), self::order('e-order', 'NW-1', self::MIXED)]);
        $store->close();
        $again = $this->open($backend, $engine, null);
        $this->assertCount(3, $again->order('NW-1')['lines']);
        $this->assertSame(['confirmation'], self::kinds($again->outbox(now: self::LATER)));
    }

    /** @dataProvider backends */
    public function testCloseReleasesTheHandleAndLaterCallsThrow(string $backend): void
    {
        $engine = $this->engine();
        $store = new Store($engine, $this->url($backend), self::SECRET);
        $this->assertFalse($store->isClosed());
        $this->assertSame($engine, $store->engine());
        $store->apply(self::catalog());
        $store->close();
        $this->assertTrue($store->isClosed());
        $store->close(); // again: nothing to do
        foreach ([
            static fn () => $store->apply(self::order('o', 'NW-1')),
            static fn () => $store->claim(now: BO_NOW),
            static fn () => $store->ack([1]),
            static fn () => $store->release(1),
            static fn () => $store->outbox(now: BO_NOW),
            static fn () => $store->order('NW-1'),
            static fn () => $store->labels('JKT-NAVY-M', BO_NOW),
            static fn () => $store->checkout(['currency' => 'USD', 'lines' => self::MIXED], null, BO_NOW),
        ] as $call) {
            try {
                $call();
                $this->fail('a closed store answered');
            } catch (Exception $e) {
                $this->assertSame('the store is closed', $e->getMessage());
            }
        }
        // Freed when it goes away, too.
        $gone = $engine->store($this->url($backend));
        unset($gone);
        $this->addToAssertionCount(1);
    }

    public function testOpeningErrorsHavePaths(): void
    {
        $engine = $this->engine();
        foreach ([
            'url' => static fn () => $engine->store('mysql://shop'),
            'options.secret' => static fn () => $engine->store('sqlite::memory:', 'short'),
            'options.busy_timeout_ms' => static fn () => $engine->store('sqlite::memory:', null, -1),
        ] as $path => $open) {
            try {
                $open();
                $this->fail("opened with a bad $path");
            } catch (Exception $e) {
                $this->assertSame($path, $e->getErrorPath());
                $this->assertSame(Constants::BO_EINVALID, $e->getCode());
            }
        }
        $secret = 'postgresql://user:hunter2-password@localhost:1/db';
        try {
            $engine->store($secret);
            $this->fail('opened a server that is not there');
        } catch (Exception $e) {
            $this->assertStringNotContainsString('hunter2', $e->getMessage());
        }
    }

    /** @dataProvider backends */
    public function testSubscriptionsNeedTheSecretAndTheirTokenWorksOnce(string $backend): void
    {
        $sub = ['id' => 'sub', 'type' => 'subscribed', 'at' => '2026-12-01T10:00:00-05:00',
            'subscription' => ['id' => 'W1', 'sku' => 'TEE-BASIC-S', 'contact' => 'w@example.com']];
        $store = $this->open($backend);
        $store->apply(self::catalog());
        $token = $store->apply($sub)[0]->token;
        $this->assertNotEmpty($token);
        $unsubscribe = ['type' => 'unsubscribed', 'at' => '2026-12-02T10:00:00-05:00', 'token' => $token];
        $this->assertTrue($store->apply(['id' => 'u1'] + $unsubscribe)[0]->applied());
        try {
            $store->apply(['id' => 'u2'] + $unsubscribe);
            $this->fail('a used token was accepted again');
        } catch (Exception $e) {
            $this->assertSame('token', $e->getErrorPath());
            $this->assertStringNotContainsString($token, $e->getMessage());
        }
        $plain = $this->open('sqlite-memory', null, null);
        $plain->apply(self::catalog());
        $this->expectException(Exception::class);
        $plain->apply($sub);
    }
}
