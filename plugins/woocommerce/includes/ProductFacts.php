<?php

declare(strict_types=1);

namespace BackorderWC;

/**
 * The engine's view of a WooCommerce product: the item (sku, name, backorders, lead time, release date,
 * discontinued) and its stock position. Reads only the WC_Product methods below, so any object that has them
 * works (the tests' doubles do).
 *
 * Product meta the plugin reads (all optional; the policy's values apply otherwise):
 *   _backorder_lead_time_min, _backorder_lead_time_max   supplier lead time in days
 *   _backorder_release_date                                YYYY-MM-DD: a pre-order until then
 *   _backorder_discontinued                                "yes": never restocked
 */
final class ProductFacts
{
    /**
     * @return array{item: array, stock: array}|null null when WooCommerce knows no count: a product that does
     *         not manage its stock and is "in stock" keeps WooCommerce's own wording
     */
    public static function of(object $product): ?array
    {
        $managed = (bool) $product->managing_stock();
        $status = (string) $product->get_stock_status();
        if ($managed) {
            $onHand = (int) ($product->get_stock_quantity() ?? 0);
        } elseif ($status === 'outofstock' || $status === 'onbackorder') {
            $onHand = 0;
        } else {
            return null;
        }
        $item = [
            'sku' => self::sku($product),
            'name' => (string) $product->get_name(),
            // an unmanaged product marked "on backorder" takes orders whatever the setting says
            'backorders' => (bool) $product->backorders_allowed() || (!$managed && $status === 'onbackorder'),
        ];
        $min = self::intMeta($product, '_backorder_lead_time_min');
        $max = self::intMeta($product, '_backorder_lead_time_max');
        if ($min !== null || $max !== null) {
            $item['lead_time_days'] = ['min' => $min ?? $max, 'max' => $max ?? $min];
        }
        $release = (string) $product->get_meta('_backorder_release_date');
        if ($release !== '') {
            $item['release_date'] = $release;
        }
        if ($product->get_meta('_backorder_discontinued') === 'yes') {
            $item['discontinued'] = true;
        }
        return ['item' => $item, 'stock' => ['on_hand' => $onHand]];
    }

    /** The product's SKU, or "wc-ID" for a product without one (the engine needs a key). */
    public static function sku(object $product): string
    {
        $sku = (string) $product->get_sku();
        return $sku !== '' ? $sku : 'wc-' . (int) $product->get_id();
    }

    /**
     * The price in minor units from WooCommerce's decimal string ("129.9" -> 12990 with 2 decimals), with
     * string arithmetic: money never passes through a float.
     */
    public static function priceMinor(object $product, int $decimals): int
    {
        $price = trim((string) $product->get_price());
        if ($price === '') {
            return 0;
        }
        if (!preg_match('/^(\d+)(?:\.(\d+))?$/', $price, $m)) {
            throw new \InvalidArgumentException("product {$product->get_id()}: price \"$price\" is not a decimal number");
        }
        $digits = $m[2] ?? '';
        if (strlen($digits) > $decimals && trim(substr($digits, $decimals), '0') !== '') {
            throw new \InvalidArgumentException("product {$product->get_id()}: price \"$price\" has more than $decimals decimals");
        }
        $fraction = substr(str_pad($digits, $decimals, '0'), 0, $decimals);
        return (int) ($m[1] . $fraction);
    }

    private static function intMeta(object $product, string $key): ?int
    {
        $value = $product->get_meta($key);
        if ($value === '' || $value === null || $value === false) {
            return null;
        }
        $int = filter_var($value, FILTER_VALIDATE_INT);
        if ($int === false) { // a typo must not become 0 days
            throw new \InvalidArgumentException("product {$product->get_id()}: $key \"$value\" is not a whole number of days");
        }
        return $int;
    }
}
