<?php

declare(strict_types=1);

/** woocommerce_structured_data_product: the JSON-LD says what the label says. */
final class StructuredDataTest extends PluginTestCase
{
    /** The markup WooCommerce's WC_Structured_Data::generate_product_data builds for a simple product. */
    private static function wooMarkup(string $availability): array
    {
        return [
            '@type' => 'Product', '@id' => 'http://127.0.0.1/product/jacket/#product', 'name' => 'Field jacket, navy, M',
            'url' => 'http://127.0.0.1/product/jacket/', 'sku' => 'JKT-NAVY-M',
            'offers' => [[
                '@type' => 'Offer', 'price' => '129.00', 'priceValidUntil' => '2027-12-31', 'priceCurrency' => 'USD',
                'availability' => $availability, 'url' => 'http://127.0.0.1/product/jacket/',
                'seller' => ['@type' => 'Organization', 'name' => 'Backorder test shop'],
            ]],
        ];
    }

    public function testABackorderNamesItsFirstShipDay(): void
    {
        $want = self::expected(['sku' => 'JKT-NAVY-M', 'backorders' => true, 'lead_time_days' => ['min' => 10, 'max' => 14]], ['on_hand' => 0]);
        $markup = apply_filters('woocommerce_structured_data_product', self::wooMarkup('http://schema.org/OutOfStock'), self::jacket());
        $offer = $markup['offers'][0];
        $this->assertSame($want->schemaOrg, $offer['availability']);
        $this->assertSame('https://schema.org/BackOrder', $offer['availability']);
        $this->assertSame($want->availabilityDate, $offer['availabilityStarts']);
        $this->assertSame($want->laterWindow->from, substr($offer['availabilityStarts'], 0, 10), 'the date the text promises');
        // the rest of WooCommerce's markup is untouched
        $this->assertSame(self::wooMarkup('x')['offers'][0]['seller'], $offer['seller']);
        $this->assertSame('129.00', $offer['price']);
    }

    public function testInStockHasNoStartDate(): void
    {
        $markup = self::wooMarkup('http://schema.org/InStock');
        $markup['offers'][0]['availabilityStarts'] = '2020-01-01'; // a stale value must not survive
        $offer = apply_filters('woocommerce_structured_data_product', $markup, self::scarf())['offers'][0];
        $this->assertSame(self::expected(['sku' => 'SCF-WOOL-GRY'], ['on_hand' => 40])->schemaOrg, $offer['availability']);
        $this->assertArrayNotHasKey('availabilityStarts', $offer);
    }

    public function testASingleOfferObjectAndOddInputs(): void
    {
        $markup = self::wooMarkup('x');
        $markup['offers'] = $markup['offers'][0];
        $out = apply_filters('woocommerce_structured_data_product', $markup, self::tee());
        $this->assertSame('https://schema.org/OutOfStock', $out['offers']['availability']);
        $this->assertSame('not an array', apply_filters('woocommerce_structured_data_product', 'not an array', self::tee()));
        $this->assertSame(['@type' => 'Product'], apply_filters('woocommerce_structured_data_product', ['@type' => 'Product'], self::tee()));
    }
}
