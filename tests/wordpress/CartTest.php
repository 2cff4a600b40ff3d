<?php

declare(strict_types=1);

use Backorder\ConsentRecord;

/**
 * Ship dates in the cart (woocommerce_get_item_data) and the checkout's choice between shipping what is ready
 * now and shipping together (woocommerce_review_order_before_payment, woocommerce_checkout_create_order).
 */
final class CartTest extends PluginTestCase
{
    /** @return array<string, array{data: FakeProduct, quantity: int}> a WooCommerce cart, keyed by cart item key */
    private static function cart(): array
    {
        return [
            'a1' => ['data' => self::jacket(), 'quantity' => 1],
            'b2' => ['data' => self::scarf(), 'quantity' => 1],
            'c3' => ['data' => self::jeans(), 'quantity' => 1],
        ];
    }

    /** The engine's plan for the same cart, with the facts written out. */
    private static function expectedPlan(): array
    {
        $plan = self::$engine->checkout([
            'now' => self::NOW,
            'items' => [
                ['sku' => 'JKT-NAVY-M', 'name' => 'Field jacket, navy, M', 'backorders' => true, 'lead_time_days' => ['min' => 10, 'max' => 14], 'price' => 12900],
                ['sku' => 'SCF-WOOL-GRY', 'name' => 'Wool scarf, grey', 'backorders' => false, 'price' => 3500],
                ['sku' => 'JNS-SLIM-32', 'name' => 'Slim jeans, 32', 'backorders' => false, 'price' => 7900],
            ],
            'stock' => [['sku' => 'JKT-NAVY-M', 'on_hand' => 0], ['sku' => 'SCF-WOOL-GRY', 'on_hand' => 40], ['sku' => 'JNS-SLIM-32', 'on_hand' => 25]],
            'cart' => ['currency' => 'USD', 'lines' => [
                ['line_id' => 'a1', 'sku' => 'JKT-NAVY-M', 'quantity' => 1],
                ['line_id' => 'b2', 'sku' => 'SCF-WOOL-GRY', 'quantity' => 1],
                ['line_id' => 'c3', 'sku' => 'JNS-SLIM-32', 'quantity' => 1],
            ]],
            'customer' => ['locale' => 'en-US', 'zone' => 'US'],
        ]);
        return $plan->toArray();
    }

    public function testEachLineShowsItsShipDatesForItsQuantity(): void
    {
        $jacket = apply_filters('woocommerce_get_item_data', [], ['data' => self::jacket(), 'quantity' => 1]);
        $want = self::expected(['sku' => 'JKT-NAVY-M', 'backorders' => true, 'lead_time_days' => ['min' => 10, 'max' => 14]], ['on_hand' => 0]);
        $this->assertSame([['key' => 'Availability', 'value' => "{$want->text} · {$want->shortText}",
            'display' => esc_html("{$want->text} · {$want->shortText}")]], $jacket);
        $this->assertStringContainsString('Dec', $want->shortText, 'the cart names the dates');

        // five jackets, two on the shelf: the engine splits the line
        $some = apply_filters('woocommerce_get_item_data', [['key' => 'Size', 'value' => 'M']], ['data' => self::jacket(2), 'quantity' => 5]);
        $split = self::expected(['sku' => 'JKT-NAVY-M', 'backorders' => true, 'lead_time_days' => ['min' => 10, 'max' => 14]], ['on_hand' => 2], 5);
        $this->assertSame(2, $split->shipNow);
        $this->assertSame(3, $split->later);
        $this->assertSame(['key' => 'Size', 'value' => 'M'], $some[0], 'other rows stay');
        $this->assertStringStartsWith($split->text, $some[1]['value']);

        $scarf = apply_filters('woocommerce_get_item_data', [], ['data' => self::scarf(), 'quantity' => 1]);
        $this->assertSame(self::expected(['sku' => 'SCF-WOOL-GRY'], ['on_hand' => 40])->text, $scarf[0]['value']);
    }

    public function testTheCheckoutOffersBothStrategiesWithTheEnginesDatesAndCharges(): void
    {
        add_filter('backorder_wc_cart_items', static fn () => self::cart());
        ob_start();
        do_action('woocommerce_review_order_before_payment');
        $html = (string) ob_get_clean();
        $plan = self::expectedPlan();
        $this->assertTrue($plan['mixed']);
        $doc = new DOMDocument();
        @$doc->loadHTML('<?xml encoding="utf-8"?>' . $html);
        $xpath = new DOMXPath($doc);
        $shown = [];
        foreach ($xpath->query('//p[@class="backorder-strategy"]') as $p) {
            $shown[$p->getAttribute('data-strategy')] = [
                'text' => trim($p->textContent),
                'pays' => (int) $xpath->query('.//span[@class="backorder-pays"]', $p)->item(0)->getAttribute('data-minor'),
                'checked' => $xpath->query('.//input[@checked]', $p)->length === 1,
            ];
        }
        $this->assertSame(array_column($plan['strategies'], 'id'), array_keys($shown));
        foreach ($plan['strategies'] as $s) {
            $this->assertStringContainsString($s['disclosure'], $shown[$s['id']]['text'], 'its dates');
            $this->assertSame($s['customer_pays'], $shown[$s['id']]['pays'], 'its charge');
            $this->assertSame($s['id'] === $plan['default_strategy'], $shown[$s['id']]['checked']);
        }
        $this->assertNotSame($shown['ship_available']['text'], $shown['ship_together']['text']);
        $this->assertNotSame($shown['ship_available']['pays'], $shown['ship_together']['pays']);
        // the chosen strategy's shipments: the default one until the shopper picks another
        $this->assertSame(self::shipments($plan, $plan['default_strategy']), self::shownShipments($xpath));
        $_POST['backorder_strategy'] = 'ship_available';
        ob_start();
        do_action('woocommerce_review_order_before_payment');
        $picked = new DOMDocument();
        @$picked->loadHTML('<?xml encoding="utf-8"?>' . ob_get_clean());
        $this->assertSame(self::shipments($plan, 'ship_available'), self::shownShipments(new DOMXPath($picked)));
        $this->assertNotSame(self::shipments($plan, 'ship_available'), self::shipments($plan, 'ship_together'));

        $disclosures = array_map(static fn ($li) => $li->textContent, iterator_to_array($xpath->query('//ul[@class="backorder-disclosures"]/li')));
        $this->assertSame(array_column($plan['disclosures'], 'text'), $disclosures);
    }

    /** @return array{string, list<array{string, string, string, int}>} the strategy; per shipment lines, ship, delivery, charge */
    private static function shipments(array $plan, string $id): array
    {
        $strategy = $plan['strategies'][array_search($id, array_column($plan['strategies'], 'id'), true)];
        return [$id, array_map(static fn ($s) => [implode(',', array_column($s['items'], 'line_id')),
            "{$s['ship']['from']}/{$s['ship']['to']}", "{$s['delivery']['from']}/{$s['delivery']['to']}", $s['charge']], $strategy['shipments'])];
    }

    private static function shownShipments(DOMXPath $xpath): array
    {
        $table = $xpath->query('//table[@class="backorder-shipments"]')->item(0);
        $rows = [];
        foreach ($xpath->query('.//tr[@class="backorder-shipment"]', $table) as $tr) {
            $time = static fn (string $class) => $xpath->query(".//time[@class=\"$class\"]", $tr)->item(0);
            $rows[] = [$tr->getAttribute('data-lines'),
                $time('ship')->getAttribute('data-from') . '/' . $time('ship')->getAttribute('data-to'),
                $time('delivery')->getAttribute('data-from') . '/' . $time('delivery')->getAttribute('data-to'),
                (int) $xpath->query('.//td[@class="backorder-charge"]', $tr)->item(0)->getAttribute('data-minor')];
        }
        return [$table->getAttribute('data-strategy'), $rows];
    }

    public function testThePlacedOrderKeepsTheChoiceAndTheConsent(): void
    {
        add_filter('backorder_wc_cart_items', static fn () => self::cart());
        $_POST['backorder_strategy'] = 'ship_available';
        $order = new FakeOrder();
        do_action('woocommerce_checkout_create_order', $order, []);
        $this->assertSame('ship_available', $order->get_meta('_backorder_strategy'));
        $consent = ConsentRecord::check($order->get_meta('_backorder_consent')); // refuses a record altered since
        $this->assertSame('ship_available', $consent->strategy);
        $plan = self::expectedPlan();
        $strategy = $plan['strategies'][array_search('ship_available', array_column($plan['strategies'], 'id'), true)];
        $this->assertSame($strategy['customer_pays'], $consent->customerPays);
        $this->assertSame('wait', $consent->line('a1')->choice);
        $this->assertSame($plan['lines'][0]['label']['later_window']['from'], $consent->line('a1')->laterWindow->from);

        // a value the plan does not offer is not taken: the policy's default applies
        $_POST['backorder_strategy'] = '"><script>alert(1)</script>';
        $order = new FakeOrder();
        do_action('woocommerce_checkout_create_order', $order, []);
        $this->assertSame($plan['default_strategy'], $order->get_meta('_backorder_strategy'));
        $this->assertSame([], $this->errors);
    }

    public function testAnUnknownLanguageFallsBackToThePolicys(): void
    {
        add_filter('backorder_wc_cart_items', static fn () => self::cart());
        add_filter('backorder_wc_locale', static fn () => 'tlh-KX', 20);
        ob_start();
        do_action('woocommerce_review_order_before_payment');
        $html = (string) ob_get_clean();
        $this->assertSame([], $this->errors);
        $this->assertStringContainsString(self::expectedPlan()['strategies'][0]['disclosure'], $html, 'in the policy\'s en-US');
        $this->assertSame(self::expected(['sku' => 'JKT-NAVY-M', 'backorders' => true, 'lead_time_days' => ['min' => 10, 'max' => 14]], ['on_hand' => 0])->text,
            apply_filters('woocommerce_get_availability_text', '', self::jacket()));
    }

    public function testAPriceIsReadWithoutFloats(): void
    {
        $this->assertSame(12990, BackorderWC\ProductFacts::priceMinor(new FakeProduct(1, 'A', 'A', '129.9'), 2));
        $this->assertSame(1, BackorderWC\ProductFacts::priceMinor(new FakeProduct(1, 'A', 'A', '0.01'), 2));
        $this->assertSame(4200, BackorderWC\ProductFacts::priceMinor(new FakeProduct(1, 'A', 'A', '42'), 2));
        $this->assertSame(90071992547409930, BackorderWC\ProductFacts::priceMinor(new FakeProduct(1, 'A', 'A', '900719925474099.30'), 2));
        $this->expectException(InvalidArgumentException::class);
        BackorderWC\ProductFacts::priceMinor(new FakeProduct(1, 'A', 'A', '1.005'), 2);
    }
}
