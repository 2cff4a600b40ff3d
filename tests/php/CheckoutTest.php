<?php

declare(strict_types=1);

use Backorder\Alternative;
use Backorder\CheckoutLine;
use Backorder\CheckoutPlan;
use Backorder\ConsentLine;
use Backorder\ConsentRecord;
use Backorder\Constants;
use Backorder\Disclosure;
use Backorder\Engine;
use Backorder\Exception;
use Backorder\Label;
use Backorder\Payment;
use Backorder\Shipment;
use Backorder\ShipmentItem;
use Backorder\Strategy;
use Backorder\Window;
use PHPUnit\Framework\TestCase;

/**
 * Checkout through PHP (bo_engine_checkout_json, bo_promises_checkout_json, bo_consent_json,
 * bo_consent_check_json): the apparel cart of issue 4. The navy jacket is on backorder (10–14 days), the
 * scarf and the jeans are in stock; the expected results are those of tests/core/checkout_test.cpp.
 */
final class CheckoutTest extends TestCase
{
    private const JSON_FLAGS = JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES;
    private const CHOSEN_AT = '2026-11-30T14:05:00Z';
    /** ICU puts thin spaces around the dash of a date range. */
    private const DEC_10_14 = "Dec 10\u{2009}–\u{2009}14";

    private static Engine $engine;
    private static CheckoutPlan $plan;

    public static function setUpBeforeClass(): void
    {
        self::$engine = new Engine(BO_APPAREL . '/policy.json');
        self::$plan = self::$engine->checkout(self::request(self::jacketScarfJeans()));
    }

    private static function jacketScarfJeans(): array
    {
        return [self::line('1', 'JKT-NAVY-M'), self::line('2', 'SCF-WOOL-GRY'), self::line('3', 'JNS-SLIM-32')];
    }

    private static function line(string $id, string $sku, int $quantity = 1): array
    {
        return ['line_id' => $id, 'sku' => $sku, 'quantity' => $quantity];
    }

    /** The apparel shop (catalog and stock) at BO_NOW with a cart and an en-US customer in the US. */
    private static function request(array $lines, string $locale = 'en-US'): array
    {
        $catalog = json_decode(file_get_contents(BO_APPAREL . '/catalog.json'), true, 64, JSON_THROW_ON_ERROR);
        $stock = json_decode(file_get_contents(BO_APPAREL . '/stock.json'), true, 64, JSON_THROW_ON_ERROR);
        return [
            'now' => BO_NOW,
            'items' => $catalog['items'],
            'stock' => $stock['stock'],
            'cart' => ['currency' => 'USD', 'lines' => $lines],
            'customer' => ['locale' => $locale, 'zone' => 'US'],
        ];
    }

    /** Associative arrays with their keys sorted, at every depth: compares shapes key for key, types strictly. */
    private static function canon(mixed $v): mixed
    {
        if (!is_array($v)) {
            return $v;
        }
        $v = array_map(self::canon(...), $v);
        if (!array_is_list($v)) {
            ksort($v, SORT_STRING);
        }
        return $v;
    }

    /** @return list<string> the sorted paths of every problem the call reports */
    private function errorPaths(callable $call): array
    {
        try {
            $call();
        } catch (Exception $e) {
            $this->assertSame(Constants::BO_EINVALID, $e->getCode(), $e->getMessage());
            $this->assertSame($e->getErrors()[0]['path'], $e->getErrorPath());
            $this->assertSame($e->getErrors()[0]['message'], $e->getReason());
            $paths = $e->getErrorPaths();
            sort($paths);
            return $paths;
        }
        $this->fail('no exception');
    }

    public function testTheApparelCartOffersBothStrategies(): void
    {
        $plan = self::$plan;
        $this->assertSame(BO_NOW, $plan->now);
        $this->assertSame('en-US', $plan->locale);
        $this->assertSame('USD', $plan->currency);
        $this->assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $plan->policyHash);
        $this->assertSame(12900 + 3500 + 7900, $plan->subtotal);
        $this->assertTrue($plan->mixed);

        [$jacket, $scarf, $jeans] = $plan->lines;
        $this->assertContainsOnlyInstancesOf(CheckoutLine::class, $plan->lines);
        $this->assertSame(['1', 'JKT-NAVY-M', 'Field jacket, navy, M', 1, 12900, 12900, false],
            [$jacket->lineId, $jacket->sku, $jacket->name, $jacket->quantity, $jacket->unitPrice, $jacket->amount, $jacket->preorder]);
        $this->assertInstanceOf(Label::class, $jacket->label);
        $this->assertSame('Backorder – ships in 10–14 days', $jacket->label->text);
        $this->assertSame('backorder', $jacket->label->status);
        $this->assertSame(['wait', 'notify_me', 'alternative', 'remove'], $jacket->options);
        $this->assertTrue($jacket->offers(CheckoutLine::ALTERNATIVE));
        $this->assertTrue($jacket->waits());
        $this->assertSame([], $scarf->options);
        $this->assertFalse($scarf->waits());
        $this->assertSame('in_stock', $jeans->label->status);
        $this->assertSame('3', $plan->line('3')?->lineId);
        $this->assertNull($plan->line('9'));

        $this->assertCount(2, $plan->strategies);
        $this->assertContainsOnlyInstancesOf(Strategy::class, $plan->strategies);
        [$now, $together] = $plan->strategies;
        $this->assertSame(Strategy::SHIP_AVAILABLE, $now->id);
        $this->assertCount(2, $now->shipments);
        [$first, $second] = $now->shipments;
        $this->assertSame(['2', '3'], $first->lineIds());
        $this->assertEquals(new ShipmentItem('2', 1), $first->items[0]);
        $this->assertEquals(new Window('2026-12-01', '2026-12-01', 1, 1), $first->ship);
        $this->assertSame(595, $first->charge);
        $this->assertSame(['1'], $second->lineIds());
        $this->assertSame(['2026-12-10', '2026-12-14'], [$second->ship->from, $second->ship->to]);
        $this->assertSame('2026-12-21', $second->delivery->to); // + 2–5 working days to the US
        $this->assertSame(595, $second->charge);
        // Over the free-shipping threshold; the second shipment is the shopper's choice and cost.
        $this->assertSame([1190, 595, 595], [$now->shippingTotal, $now->customerPays, $now->shopPays]);
        $this->assertSame('2026-12-14', $now->complete->to);
        $this->assertSame('Items in stock ship Dec 1; the rest follows ' . self::DEC_10_14 . ' in a second shipment.', $now->disclosure);

        $this->assertSame(Strategy::SHIP_TOGETHER, $together->id);
        $this->assertCount(1, $together->shipments);
        $this->assertSame(['2', '3', '1'], $together->shipments[0]->lineIds());
        $this->assertSame('2026-12-10', $together->shipments[0]->ship->from);
        $this->assertSame(0, $together->customerPays);
        $this->assertSame(595, $together->shopPays);
        $this->assertStringContainsString('The whole order ships together Dec 10', $together->disclosure);

        $this->assertSame(595, $plan->costDifference);
        $this->assertSame('ship_together', $plan->defaultStrategy);
        $this->assertSame('ship_available', $plan->recommendedStrategy); // nine days sooner for the scarf and jeans
        $this->assertSame('sooner', $plan->recommendation);
        $this->assertSame($together, $plan->strategy());
        $this->assertSame($now, $plan->strategy('ship_available'));
        $this->assertSame($now, $plan->recommended());
        $this->assertNull($plan->strategy('ship_by_pigeon'));
    }

    public function testTheJacketsAlternativeIsAnInStockJacketInTheSameSize(): void
    {
        $alternatives = self::$plan->lines[0]->alternatives;
        $this->assertGreaterThanOrEqual(2, count($alternatives));
        $this->assertContainsOnlyInstancesOf(Alternative::class, $alternatives);
        $olive = $alternatives[0];
        $this->assertSame(['JKT-OLIVE-M', 'Field jacket, olive, M', 12900], [$olive->sku, $olive->name, $olive->price]);
        $this->assertSame('in_stock', $olive->label->status);
        $this->assertSame(1, $olive->label->shipNow);
        $this->assertSame('2026-12-01', $olive->label->nowWindow?->from);
        $this->assertSame('JKT-RAIN-M', $alternatives[1]->sku); // same size, outside the price band
        foreach ($alternatives as $a) {
            $this->assertNotSame('VEST-DOWN-M', $a->sku);       // discontinued and sold out
            $this->assertGreaterThanOrEqual(1, $a->label->shipNow, $a->sku);
        }
        $this->assertSame([], self::$plan->lines[1]->alternatives);
    }

    public function testDisclosuresAndPaymentAdvice(): void
    {
        $disclosures = self::$plan->disclosures;
        $this->assertContainsOnlyInstancesOf(Disclosure::class, $disclosures);
        $this->assertSame(['backorder', 'cancellation', 'payment'], array_map(static fn (Disclosure $d) => $d->kind, $disclosures));
        $this->assertSame('1', $disclosures[0]->lineId);
        $this->assertNull($disclosures[1]->lineId);
        $this->assertSame('1 unit of Field jacket, navy, M is on backorder, expected to ship ' . self::DEC_10_14 . '.', $disclosures[0]->text);
        $this->assertStringContainsString('cancel', $disclosures[1]->text);

        // Shipping on 14 December is past a 7-day card authorization: charge each shipment as it ships.
        $payment = self::$plan->strategy('ship_together')->payment;
        $this->assertEquals(new Payment('charge_at_shipment', '2026-12-14', '2026-12-07T09:00:00-05:00'), $payment);

        $inStock = self::$engine->checkout(self::request([self::line('1', 'SCF-WOOL-GRY')]));
        $this->assertFalse($inStock->mixed);
        $this->assertCount(1, $inStock->strategies);
        $this->assertSame('ship_together', $inStock->strategies[0]->id);
        $this->assertNull($inStock->strategy('ship_available'));
        $this->assertSame('authorize_now', $inStock->strategies[0]->payment->advice);
        $this->assertSame(595, $inStock->strategies[0]->customerPays); // under the free-shipping threshold
    }

    public function testPreOrdersShipApartOnTheirReleaseDay(): void
    {
        $plan = self::$engine->checkout(self::request([self::line('1', 'SCF-WOOL-GRY'), self::line('2', 'CAP-WINTER-27')]));
        $this->assertFalse($plan->mixed); // nothing to choose: the cap cannot come earlier
        $this->assertCount(2, $plan->strategies[0]->shipments);
        $this->assertSame('2027-03-12', $plan->strategies[0]->shipments[1]->ship->from);
        $this->assertTrue($plan->lines[1]->preorder);
        $this->assertSame('preorder', $plan->disclosures[0]->kind);
        $this->assertSame('2', $plan->disclosures[0]->lineId);
    }

    public function testShoppersLanguage(): void
    {
        $plan = self::$engine->checkout(self::request([self::line('1', 'JKT-NAVY-M'), self::line('2', 'SCF-WOOL-GRY')], 'de-DE'));
        $this->assertSame('de-DE', $plan->locale);
        $this->assertSame('Nachbestellt – Versand in 10–14 Tagen', $plan->lines[0]->label->text);
        $this->assertStringContainsString('stornieren', $plan->disclosures[1]->text);
    }

    public function testValueObjectsGiveTheJsonBack(): void
    {
        $plan = self::$plan;
        $decoded = json_decode($plan->json(), true, 64, JSON_THROW_ON_ERROR);
        // toArray() is the library's answer key for key, and encodes back to its very bytes.
        $this->assertSame($decoded, $plan->toArray());
        $this->assertSame($plan->json(), json_encode($plan->toArray(), self::JSON_FLAGS));
        $this->assertSame($plan->json(), json_encode($plan, self::JSON_FLAGS));
        // Every value object gives its part of the JSON back, types and all.
        foreach ($plan->lines as $i => $line) {
            $this->assertSame(self::canon($decoded['lines'][$i]), self::canon($line->toArray()), "line $i");
            $this->assertEquals($line, CheckoutLine::fromArray($line->toArray()));
        }
        foreach ($plan->strategies as $i => $strategy) {
            $this->assertSame(self::canon($decoded['strategies'][$i]), self::canon($strategy->toArray()), "strategy $i");
            $this->assertEquals($strategy, Strategy::fromArray($strategy->toArray()));
        }
        foreach ($plan->disclosures as $i => $disclosure) {
            $this->assertSame($decoded['disclosures'][$i], $disclosure->toArray(), "disclosure $i");
        }
        // Objects are built once, on first read.
        $this->assertTrue(isset($plan->lines));
        $this->assertSame($plan->lines, $plan->lines());
        $this->assertSame($plan->lines[0], $plan->line('1'));
        // A plan kept as JSON (a session) or as an array comes back equal.
        foreach ([CheckoutPlan::fromJson($plan->json()), CheckoutPlan::fromArray($plan->toArray())] as $again) {
            $this->assertSame($plan->toArray(), $again->toArray());
            $this->assertEquals($plan->lines, $again->lines);
            $this->assertSame($plan->recommendedStrategy, $again->recommendedStrategy);
        }
        // Read-only, before and after the first read.
        $fresh = CheckoutPlan::fromJson($plan->json());
        foreach (['lines', 'now'] as $name) {
            for ($read = 0; $read < 2; $read++) {
                try {
                    $fresh->$name = [];
                    $this->fail("$name was written");
                } catch (\Error $e) {
                    $this->assertStringContainsString('readonly', $e->getMessage());
                }
                $this->assertNotEmpty($fresh->$name);
            }
        }
        $this->expectException(\Error::class);
        $plan->shipments; // @phpstan-ignore-line
    }

    public function testRequestAsArrayJsonOrFileGiveTheSamePlan(): void
    {
        $request = self::request(self::jacketScarfJeans());
        $json = json_encode($request, self::JSON_FLAGS);
        $this->assertSame(self::$plan->json(), self::$engine->checkout($json)->json());
        $file = tempnam(sys_get_temp_dir(), 'bo_cart_');
        try {
            file_put_contents($file, $json);
            $this->assertSame(self::$plan->json(), self::$engine->checkout($file)->json());
        } finally {
            unlink($file);
        }
        // A DateTimeInterface for now; null values are "not given".
        $request['now'] = new DateTimeImmutable(BO_NOW);
        $request['customer']['tier'] = null;
        $request['supply'] = null;
        $this->assertSame(self::$plan->json(), self::$engine->checkout($request)->json());
        // Without now: the current time.
        unset($request['now']);
        $current = self::$engine->checkout($request);
        $this->assertEqualsWithDelta(time(), (new DateTimeImmutable($current->now))->getTimestamp(), 60);
        $this->assertSame('backorder', $current->lines[0]->label->status);
    }

    public function testConsentRecordRoundTripsByteForByte(): void
    {
        $plan = self::$plan;
        $record = $plan->consent('ship_available', ['1' => 'wait'], self::CHOSEN_AT);
        $this->assertSame(1, $record->version);
        $this->assertSame('2026-11-30T14:05:00+00:00', $record->recordedAt);
        $this->assertSame(BO_NOW, $record->planAt);
        $this->assertSame($plan->policyHash, $record->policyHash);
        $this->assertSame(['en-US', 'USD', 'ship_available', 595], [$record->locale, $record->currency, $record->strategy, $record->customerPays]);
        $this->assertEquals($plan->strategy('ship_available')->shipments, $record->shipments);
        $this->assertEquals($plan->strategy('ship_available')->payment, $record->payment);
        $this->assertContainsOnlyInstancesOf(ConsentLine::class, $record->lines);
        $jacket = $record->line('1');
        $this->assertSame(['wait', null, 'backorder', 'Backorder – ships in 10–14 days'], [$jacket->choice, $jacket->alternative, $jacket->status, $jacket->text]);
        $this->assertEquals(new Window('2026-12-10', '2026-12-14', 10, 14), $jacket->laterWindow);
        $this->assertSame(['buy', null], [$record->lines[1]->choice, $record->lines[1]->laterWindow]);
        $this->assertStringContainsString('a second shipment', $record->disclosures[0]);
        $this->assertSame($plan->disclosures[0]->text, $record->disclosures[1]);

        // Kept with the order and read back, it is the same record, byte for byte.
        $stored = $record->json();
        $this->assertSame($stored, $plan->consent('ship_available', ['1' => 'wait'], self::CHOSEN_AT)->json());
        $again = ConsentRecord::check($stored);
        $this->assertSame($stored, $again->json());
        $this->assertEquals($record, $again);
        $pretty = json_encode(json_decode($stored), JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE);
        $this->assertNotSame($stored, $pretty);
        $this->assertSame($stored, ConsentRecord::check($pretty)->json());
        $this->assertSame($stored, ConsentRecord::check(json_decode($stored, true))->json());
        $this->assertSame(self::canon(json_decode($stored, true)), self::canon($record->toArray()));
        $this->assertSame($record->toArray(), $record->jsonSerialize());
        // ... also through a plan kept as JSON, and with now as a DateTimeInterface.
        $this->assertSame($stored, CheckoutPlan::fromJson($plan->json())
            ->consent('ship_available', ['1' => 'wait'], new DateTimeImmutable(self::CHOSEN_AT))->json());
    }

    public function testConsentDefaultsAndAlternatives(): void
    {
        $record = self::$plan->consent(lines: ['1' => ['alternative' => 'JKT-OLIVE-M']], now: self::CHOSEN_AT);
        $this->assertSame('ship_together', $record->strategy); // the plan's default
        $this->assertSame(['alternative', 'JKT-OLIVE-M'], [$record->lines[0]->choice, $record->lines[0]->alternative]);
        $this->assertSame('JKT-OLIVE-M', $record->toArray()['lines'][0]['alternative']);
        $this->assertSame($record->json(), ConsentRecord::check($record->json())->json());

        $olive = self::$plan->lines[0]->alternatives[0];
        $this->assertSame($record->json(), self::$plan->consent(null, ['1' => $olive], self::CHOSEN_AT)->json());

        $nothing = self::$plan->consent();
        $this->assertSame('ship_together', $nothing->strategy);
        $this->assertSame('wait', $nothing->lines[0]->choice);
        $this->assertEqualsWithDelta(time(), (new DateTimeImmutable($nothing->recordedAt))->getTimestamp(), 60);
    }

    public function testConsentChoicesMustBeOnesThePlanOffered(): void
    {
        $plan = self::$plan;
        $this->assertSame(['choice.strategy'], $this->errorPaths(static fn () => $plan->consent('ship_by_pigeon', [], self::CHOSEN_AT)));
        $this->assertSame(['choice.lines.1.alternative'],
            $this->errorPaths(static fn () => $plan->consent(null, ['1' => ['alternative' => 'BOOT-CHEL-42']], self::CHOSEN_AT)));
        $this->assertSame(['choice.lines.2'], $this->errorPaths(static fn () => $plan->consent(null, ['2' => 'wait'], self::CHOSEN_AT)));
        $this->assertSame(['choice.lines.9'], $this->errorPaths(static fn () => $plan->consent(null, ['9' => 'wait'], self::CHOSEN_AT)));
        $this->assertSame(['now'], $this->errorPaths(static fn () => $plan->consent(null, [], 'yesterday')));

        $tampered = json_decode($plan->consent(null, [], self::CHOSEN_AT)->json(), true);
        $tampered['lines'][0]['choice'] = 'steal';
        $this->assertSame(['consent.lines[0].choice'], $this->errorPaths(static fn () => ConsentRecord::check($tampered)));
        $this->assertSame(['consent'], $this->errorPaths(static fn () => ConsentRecord::check('{"version": 1')));

        $this->assertSame(['plan'], $this->errorPaths(static fn () => CheckoutPlan::fromJson('[1, 2]')));
        $this->assertSame(['plan.strategies'], $this->errorPaths(static function () use ($plan) {
            $a = $plan->toArray();
            unset($a['strategies']);
            CheckoutPlan::fromArray($a);
        }));
    }

    public function testBadCartThrowsWithEveryPath(): void
    {
        $request = self::request([self::line('1', 'NOPE'), self::line('2', 'SCF-WOOL-GRY', 0), self::line('2', 'JNS-SLIM-32')]);
        $request['cart']['currency'] = 'EUR';
        try {
            self::$engine->checkout($request);
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertSame(Constants::BO_EINVALID, $e->getStatus());
            $paths = $e->getErrorPaths();
            sort($paths);
            $this->assertSame(['cart.currency', 'cart.lines[0].sku', 'cart.lines[1].quantity', 'cart.lines[2].line_id'], $paths);
            $this->assertCount(4, $e->getErrors());
            foreach ($e->getErrors() as $error) {
                $this->assertSame(['path', 'message'], array_keys($error));
                $this->assertNotSame('', $error['message']);
            }
            $this->assertSame("{$e->getErrorPath()}: {$e->getReason()}", $e->getMessage());
        }

        $mixed = self::request([self::line('1', 'SCF-WOOL-GRY')]);
        $mixed['cart']['lines'][0]['currency'] = 'EUR';
        $this->assertSame(['cart.lines[0].currency'], $this->errorPaths(static fn () => self::$engine->checkout($mixed)));
        $this->assertSame(['cart.lines'], $this->errorPaths(static fn () => self::$engine->checkout(self::request([]))));
        $price = self::request([self::line('1', 'SCF-WOOL-GRY')]);
        $price['cart']['lines'][0]['unit_price'] = '35.00';
        $this->assertSame(['cart.lines[0].unit_price'], $this->errorPaths(static fn () => self::$engine->checkout($price)));
        $locale = self::request([self::line('1', 'SCF-WOOL-GRY')], 'xx-NOPE');
        $this->assertSame(['customer.locale'], $this->errorPaths(static fn () => self::$engine->checkout($locale)));
        $this->assertSame(['request'], $this->errorPaths(static fn () => self::$engine->checkout('{"cart": ')));
        $this->assertSame(['request'], $this->errorPaths(static fn () => self::$engine->checkout('/no/such/cart.json')));
    }

    public function testPricesMustMatchWhenThePolicySaysSo(): void
    {
        $policy = json_decode(file_get_contents(BO_APPAREL . '/policy.json'), true, 64, JSON_THROW_ON_ERROR);
        $policy['checkout']['prices_must_match'] = true;
        $strict = new Engine($policy);
        $request = self::request([self::line('1', 'SCF-WOOL-GRY') + ['unit_price' => 100]]);
        $this->assertSame(['cart.lines[0].unit_price'], $this->errorPaths(static fn () => $strict->checkout($request)));
        $request['cart']['lines'][0]['unit_price'] = 3500;
        $this->assertSame(3500, $strict->checkout($request)->subtotal);
    }

    public function testBookCheckoutOverTheApparelScenario(): void
    {
        $book = self::$engine->promises(BO_APPAREL . '/scenario.json');
        $cart = ['currency' => 'USD', 'lines' => [
            ['line_id' => '1', 'sku' => 'JKT-NAVY-M', 'quantity' => 1, 'unit_price' => 12900],
            ['line_id' => '2', 'sku' => 'SCF-WOOL-GRY', 'quantity' => 1, 'unit_price' => 3500, 'currency' => null],
        ]];
        $plan = $book->checkout($cart, ['locale' => 'en-US', 'zone' => 'US']);
        $this->assertSame(BO_NOW, $plan->now);
        $this->assertSame(16400, $plan->subtotal);
        // Forty customers wait ahead: the jacket waits as the book's quote for a new shopper says.
        $quote = $book->quote('JKT-NAVY-M', 1, 'US');
        $jacket = $plan->lines[0];
        $this->assertSame('backorder', $jacket->label->status);
        $this->assertEquals($quote->ship, $jacket->label->laterWindow);
        $this->assertSame(['wait', 'notify_me', 'remove'], $jacket->options); // the scenario's items have no category
        $this->assertSame('in_stock', $plan->lines[1]->label->status);
        $this->assertTrue($plan->mixed);
        $this->assertSame($quote->ship->to, $plan->strategy('ship_together')->complete->to);
        $this->assertSame($quote->delivery->to, $plan->strategy('ship_together')->shipments[0]->delivery->to);
        // Nothing is reserved: the book and the next plan are unchanged.
        $this->assertSame($plan->json(), $book->checkout($cart, ['locale' => 'en-US', 'zone' => 'US'])->json());
        $this->assertEquals($quote, $book->quote('JKT-NAVY-M', 1, 'US'));
        $this->assertCount(40, $book->lines());

        $record = $plan->consent('ship_available', [], self::CHOSEN_AT);
        $this->assertSame($record->json(), ConsentRecord::check($record->json())->json());

        // The plan's language: the customer's, else the locale argument, else the policy's.
        $this->assertSame('de-DE', $book->checkout($cart, ['locale' => 'de-DE'])->locale);
        $this->assertSame('fr-FR', $book->checkout($cart, [], 'fr-FR')->locale);
        $this->assertSame('de-DE', $book->checkout($cart, ['locale' => 'de-DE'], 'fr-FR')->locale);

        $bad = $cart;
        $bad['currency'] = 'EUR';
        $bad['lines'][0]['sku'] = 'JNS-SLIM-32'; // not in the scenario
        $bad['lines'][1]['quantity'] = -1;
        $this->assertSame(['cart.currency', 'cart.lines[0].sku', 'cart.lines[1].quantity'],
            $this->errorPaths(static fn () => $book->checkout($bad)));
        $this->assertSame(['locale'], $this->errorPaths(static fn () => $book->checkout($cart, null, 'xx-NOPE')));
    }

    public function testGetErrorsListsEveryProblemOfAPolicyAndAScenario(): void
    {
        $policy = json_decode(file_get_contents(BO_APPAREL . '/policy.json'), true, 64, JSON_THROW_ON_ERROR);
        $policy['calendar']['time_zone'] = 'Mars/Base';
        $policy['availability']['lead_time_days'] = ['min' => -1, 'max' => 3];
        try {
            new Engine($policy);
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertGreaterThanOrEqual(2, count($e->getErrors()));
            $this->assertSame(Engine::validate($policy), $e->getErrors());
            $this->assertSame($e->getErrors()[0]['path'], $e->getErrorPath());
        }

        $scenario = json_decode(file_get_contents(BO_APPAREL . '/scenario.json'), true, 64, JSON_THROW_ON_ERROR);
        $scenario['supply'][0]['quantity'] = -5;
        $scenario['orders'][3]['sku'] = 'NOPE';
        $paths = $this->errorPaths(static fn () => self::$engine->promises($scenario));
        $this->assertContains('supply[0].quantity', $paths);
        $this->assertContains('orders[3].sku', $paths);

        // A problem found in PHP is one error, with its path.
        try {
            self::$engine->promises('/no/such/scenario.json');
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertSame([['path' => 'scenario', 'message' => $e->getReason()]], $e->getErrors());
        }
    }
}
