<?php

declare(strict_types=1);

use Backorder\CheckoutPlan;
use Backorder\Engine;
use Backorder\Label;
use Backorder\Window;
use PHPUnit\Framework\TestCase;

/**
 * Plans read through the typed structs (bo_promises_checkout, bo_engine_checkout, bo_checkout_*), as
 * Engine::checkout() and PromiseBook::checkout() return them: every field, and toArray(), equals the same of the
 * plan decoded from its JSON, strings keep every byte, a plan outlives the book and engine it came from, and the
 * values the plan repeats are shared objects.
 */
final class CheckoutTypedTest extends TestCase
{
    private static Engine $engine;

    public static function setUpBeforeClass(): void
    {
        self::$engine = new Engine(BO_APPAREL . '/policy.json');
    }

    private static function request(array $lines, string $locale = 'en-US', ?callable $items = null): array
    {
        $catalog = json_decode(file_get_contents(BO_APPAREL . '/catalog.json'), true, 64, JSON_THROW_ON_ERROR);
        $stock = json_decode(file_get_contents(BO_APPAREL . '/stock.json'), true, 64, JSON_THROW_ON_ERROR);
        return [
            'now' => BO_NOW,
            'items' => $items === null ? $catalog['items'] : array_map($items, $catalog['items']),
            'stock' => $stock['stock'],
            'cart' => ['currency' => 'USD', 'lines' => $lines],
            'customer' => ['locale' => $locale, 'zone' => 'US'],
        ];
    }

    private static function line(string $id, string $sku, int $quantity = 1): array
    {
        return ['line_id' => $id, 'sku' => $sku, 'quantity' => $quantity];
    }

    private static function window(?Window $w): ?array
    {
        return $w === null ? null : [$w->from, $w->to, $w->minDays, $w->maxDays];
    }

    private static function label(Label $l): array
    {
        return [$l->sku, $l->status, $l->statusCode, $l->text, $l->shortText, $l->quantity, $l->sellable, $l->shipNow,
            $l->later, $l->unavailable, $l->notifyMe, self::window($l->nowWindow), self::window($l->laterWindow),
            $l->schemaOrg, $l->merchantAvailability, $l->availabilityDate];
    }

    /** Every field of a plan, through its objects, types and all. */
    private static function fields(CheckoutPlan $p): array
    {
        $out = [[$p->now, $p->locale, $p->currency, $p->policyHash, $p->subtotal, $p->mixed, $p->costDifference,
                 $p->defaultStrategy, $p->recommendedStrategy, $p->recommendation]];
        foreach ($p->lines as $l) {
            $out[] = [$l->lineId, $l->sku, $l->name, $l->quantity, $l->unitPrice, $l->amount, $l->preorder,
                      self::label($l->label), $l->options];
            foreach ($l->alternatives as $a) {
                $out[] = [$a->sku, $a->name, $a->price, self::label($a->label)];
            }
        }
        foreach ($p->strategies as $s) {
            $out[] = [$s->id, $s->shippingTotal, $s->customerPays, $s->shopPays, self::window($s->complete),
                      $s->payment->advice, $s->payment->latestShip, $s->payment->authorizationExpires, $s->disclosure];
            foreach ($s->shipments as $sh) {
                $out[] = [self::window($sh->ship), self::window($sh->delivery), $sh->charge];
                foreach ($sh->items as $i) {
                    $out[] = [$i->lineId, $i->quantity];
                }
            }
        }
        foreach ($p->disclosures as $d) {
            $out[] = [$d->kind, $d->text, $d->lineId];
        }
        return $out;
    }

    private function assertReadsAsItsJson(CheckoutPlan $plan, string $what): void
    {
        // toArray() is read from the structs too: it must be what json_decode makes of the JSON, key for key.
        $this->assertSame(json_decode($plan->json(), true, 64, JSON_THROW_ON_ERROR), $plan->toArray(), $what);
        $fromJson = CheckoutPlan::fromJson($plan->json());
        $this->assertSame(self::fields($fromJson), self::fields($plan), $what);
        $this->assertEquals($fromJson->lines, $plan->lines, $what);
        $this->assertEquals($fromJson->strategies, $plan->strategies, $what);
        $this->assertEquals($fromJson->disclosures, $plan->disclosures, $what);
    }

    public function testEveryFieldIsTheJsonsField(): void
    {
        $cart = [
            self::line('1', 'JKT-NAVY-M'), self::line('2', 'SCF-WOOL-GRY', 2), self::line('3', 'JNS-SLIM-32'),
            self::line('4', 'CAP-WINTER-27'), self::line('5', 'JKT-OLIVE-M', 3),
        ];
        foreach (['en-US', 'de-DE', 'fr-FR', 'ja-JP'] as $locale) {
            $this->assertReadsAsItsJson(self::$engine->checkout(self::request($cart, $locale)), $locale);
        }
        // Nothing waits: one strategy, no disclosures.
        $this->assertReadsAsItsJson(self::$engine->checkout(self::request([self::line('1', 'SCF-WOOL-GRY')])), 'in stock');

        $book = self::$engine->promises(BO_APPAREL . '/scenario.json');
        $plan = $book->checkout(['currency' => 'USD', 'lines' => [
            ['line_id' => '1', 'sku' => 'JKT-NAVY-M', 'quantity' => 1, 'unit_price' => 12900],
            ['line_id' => '2', 'sku' => 'SCF-WOOL-GRY', 'quantity' => 1, 'unit_price' => 3500],
        ]], ['locale' => 'en-US', 'zone' => 'US']);
        $this->assertReadsAsItsJson($plan, 'book');
    }

    public function testStringsKeepEveryByte(): void
    {
        $name = "Scarf \u{e9} x \"q\" \\ \u{1F9E3}";
        $request = self::request(
            [self::line("\u{2116}1", 'SCF-WOOL-GRY'), self::line("a\"b", 'JKT-NAVY-M')],
            'en-US',
            static fn (array $item) => $item['sku'] === 'SCF-WOOL-GRY' ? ['name' => $name] + $item : $item,
        );
        $plan = self::$engine->checkout($request);
        $this->assertSame($name, $plan->lines[0]->name);
        $this->assertSame("\u{2116}1", $plan->lines[0]->lineId);
        $this->assertSame("a\"b", $plan->strategies[0]->shipments[1]->items[0]->lineId);
        $this->assertSame("a\"b", $plan->disclosures[0]->lineId);
        $this->assertReadsAsItsJson($plan, 'names');
    }

    public function testAPlanOutlivesItsBookAndEngine(): void
    {
        $make = static function (): CheckoutPlan {
            $engine = new Engine(BO_APPAREL . '/policy.json');
            $book = $engine->promises(BO_APPAREL . '/scenario.json');
            return $book->checkout(
                ['currency' => 'USD', 'lines' => [['line_id' => '1', 'sku' => 'JKT-NAVY-M', 'unit_price' => 12900]]],
                ['locale' => 'en-US'],
            );
        };
        $plan = $make();
        gc_collect_cycles();
        $this->assertSame('backorder', $plan->lines[0]->label->status);
        $this->assertSame('2026-12-31', $plan->lines[0]->label->laterWindow->from);
        $this->assertReadsAsItsJson($plan, 'alone');
    }

    public function testRepeatedValuesAreSharedObjects(): void
    {
        $plan = self::$engine->checkout(self::request([
            self::line('1', 'JKT-NAVY-M'), self::line('2', 'SCF-WOOL-GRY'), self::line('3', 'JNS-SLIM-32'),
        ]));
        // The scarf and the jeans ship in the same window; the jacket's label and its shipment share theirs.
        $this->assertSame($plan->lines[1]->label->nowWindow, $plan->lines[2]->label->nowWindow);
        $available = $plan->strategy('ship_available');
        $this->assertSame($plan->lines[0]->label->laterWindow, $available->shipments[1]->ship);
        // A line shipped whole appears in both strategies as one item.
        $together = $plan->strategy('ship_together');
        $this->assertSame($available->shipments[0]->items[0], $together->shipments[0]->items[0]);
    }
}
