<?php

declare(strict_types=1);

use BackorderWC\Plugin;

/** woocommerce_get_availability_text and _class, applied through WordPress's filters. */
final class AvailabilityTest extends PluginTestCase
{
    public function testThePluginIsActiveAndHooked(): void
    {
        require_once ABSPATH . 'wp-admin/includes/plugin.php';
        $this->assertTrue(is_plugin_active('backorder-for-woocommerce/backorder-for-woocommerce.php'));
        foreach (['woocommerce_get_availability_text', 'woocommerce_get_availability_class',
                  'woocommerce_structured_data_product', 'woocommerce_get_item_data'] as $filter) {
            $this->assertNotFalse(has_filter($filter), $filter);
        }
        $this->assertTrue(shortcode_exists('backorder_notify_me'));
        $this->assertNotNull(Plugin::instance()->engine(), 'the engine loads from the configured policy and library');
    }

    /** @return iterable<string, array{FakeProduct, array, array}> product, then the facts the engine should get */
    public static function products(): iterable
    {
        yield 'backorder with a lead time' => [self::jacket(),
            ['sku' => 'JKT-NAVY-M', 'backorders' => true, 'lead_time_days' => ['min' => 10, 'max' => 14]], ['on_hand' => 0]];
        yield 'low stock' => [new FakeProduct(21, 'JKT-NAVY-L', 'Field jacket, navy, L', '129.00', 2),
            ['sku' => 'JKT-NAVY-L', 'backorders' => false], ['on_hand' => 2]];
        yield 'in stock' => [self::scarf(), ['sku' => 'SCF-WOOL-GRY', 'backorders' => false], ['on_hand' => 40]];
        yield 'pre-order' => [new FakeProduct(22, 'CAP-WINTER-27', 'Winter cap', '29.00', 0, backorders: 'yes',
            meta: ['_backorder_release_date' => '2027-03-12']),
            ['sku' => 'CAP-WINTER-27', 'backorders' => true, 'release_date' => '2027-03-12'], ['on_hand' => 0]];
        yield 'out of stock, no backorders' => [self::tee(), ['sku' => 'TEE-BASIC-S', 'backorders' => false], ['on_hand' => 0]];
        yield 'discontinued' => [new FakeProduct(23, 'VEST-DOWN-M', 'Down vest', '99.00', 0, meta: ['_backorder_discontinued' => 'yes']),
            ['sku' => 'VEST-DOWN-M', 'backorders' => false, 'discontinued' => true], ['on_hand' => 0]];
        yield 'unmanaged, marked on backorder' => [new FakeProduct(24, '', 'No-sku boots', '159.00', null, managed: false, status: 'onbackorder'),
            ['sku' => 'wc-24', 'backorders' => true], ['on_hand' => 0]];
        yield 'oversold' => [new FakeProduct(25, 'GLV-M', 'Gloves', '49.00', -3, backorders: 'yes'),
            ['sku' => 'GLV-M', 'backorders' => true], ['on_hand' => -3]];
    }

    /** @dataProvider products */
    public function testTheTextIsTheEnginesLabel(FakeProduct $product, array $item, array $stock): void
    {
        $want = self::expected($item, $stock);
        $text = apply_filters('woocommerce_get_availability_text', 'WooCommerce text', $product);
        $this->assertSame($want->text, $text);
        $this->assertNotSame('WooCommerce text', $text);
        $this->assertSame([], $this->errors);
    }

    /** @dataProvider products */
    public function testTheClassKeepsWooCommercesAndAddsTheStatus(FakeProduct $product, array $item, array $stock): void
    {
        $want = self::expected($item, $stock);
        $wc = ['in_stock' => 'in-stock', 'low_stock' => 'in-stock', 'backorder' => 'available-on-backorder',
               'preorder' => 'available-on-backorder', 'out_of_stock' => 'out-of-stock', 'discontinued' => 'out-of-stock'];
        $class = apply_filters('woocommerce_get_availability_class', 'in-stock', $product);
        $this->assertSame($wc[$want->status] . ' backorder-' . str_replace('_', '-', $want->status), $class);
    }

    public function testTheApparelWordingReachesThePage(): void
    {
        // the policy's words, through the hook: the label the README promises
        $this->assertSame('Backorder – ships in 10–14 days', apply_filters('woocommerce_get_availability_text', '', self::jacket()));
        $this->assertSame('Only 2 left', apply_filters('woocommerce_get_availability_text', '',
            new FakeProduct(21, 'JKT-NAVY-L', 'Field jacket, navy, L', '129.00', 2)));
    }

    public function testAnUnmanagedInStockProductKeepsWooCommercesText(): void
    {
        $product = new FakeProduct(30, 'MUG', 'Mug', '9.00', null, managed: false, status: 'instock');
        $this->assertSame('In stock', apply_filters('woocommerce_get_availability_text', 'In stock', $product));
        $this->assertSame('in-stock', apply_filters('woocommerce_get_availability_class', 'in-stock', $product));
    }

    public function testBadProductDataFallsBackToWooCommerceAndIsLogged(): void
    {
        $product = new FakeProduct(31, 'JKT-BAD', 'Bad jacket', '129.00', 0, backorders: 'yes',
            meta: ['_backorder_lead_time_min' => 'ten', '_backorder_lead_time_max' => '14']);
        $this->assertSame('Available on backorder', apply_filters('woocommerce_get_availability_text', 'Available on backorder', $product));
        $this->assertCount(1, $this->errors);
        $this->assertStringContainsString('_backorder_lead_time_min "ten"', $this->errors[0][1]->getMessage());

        $refused = new FakeProduct(32, 'JKT-BAD2', 'Bad jacket', '129.00', 0, backorders: 'yes',
            meta: ['_backorder_lead_time_min' => '14', '_backorder_lead_time_max' => '10']);
        $this->assertSame('x', apply_filters('woocommerce_get_availability_text', 'x', $refused));
        $this->assertInstanceOf(Backorder\Exception::class, $this->errors[1][1]);
        $this->assertSame('item.lead_time_days', $this->errors[1][1]->getErrorPath());
    }

    public function testTheStockCountDecidesNotACachedAnswer(): void
    {
        $this->assertSame(self::expected(['sku' => 'TEE-BASIC-S', 'backorders' => false], ['on_hand' => 0])->text,
            apply_filters('woocommerce_get_availability_text', '', self::tee(0)));
        $this->assertSame(self::expected(['sku' => 'TEE-BASIC-S', 'backorders' => false], ['on_hand' => 6])->text,
            apply_filters('woocommerce_get_availability_text', '', self::tee(6)));
    }
}
