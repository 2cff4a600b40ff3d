<?php
/**
 * Plugin Name: WooCommerce stand-in (browser tests)
 * Description: Product and checkout pages that call WooCommerce's hooks the way WooCommerce's templates do, with
 *              the tests' WooCommerce-shaped products. Only for tests/browser/wordpress.test.mjs.
 */

declare(strict_types=1);

require_once dirname(__DIR__) . '/doubles/FakeProduct.php';
require_once dirname(__DIR__) . '/doubles/FakeOrder.php';

/** @return array<int, FakeProduct> the apparel products, and more from BO_WP_EXTRA_PRODUCTS (a JSON file) */
function bo_storefront_products(): array
{
    static $products = null;
    if ($products !== null) {
        return $products;
    }
    $lead = ['_backorder_lead_time_min' => '10', '_backorder_lead_time_max' => '14'];
    $products = [
        11 => new FakeProduct(11, 'JKT-NAVY-M', 'Field jacket, navy, M', '129.00', 0, backorders: 'notify', meta: $lead),
        12 => new FakeProduct(12, 'TEE-BASIC-S', 'Basic tee, S', '19.00', 0),
        13 => new FakeProduct(13, 'SCF-WOOL-GRY', 'Wool scarf, grey', '35.00', 40),
        14 => new FakeProduct(14, 'JNS-SLIM-32', 'Slim jeans, 32', '79.00', 25),
        15 => new FakeProduct(15, 'CAP-WINTER-27', 'Winter cap 2027 edition', '29.00', 0, backorders: 'yes',
            meta: ['_backorder_release_date' => '2027-03-12']),
    ];
    $extra = getenv('BO_WP_EXTRA_PRODUCTS');
    if ($extra) {
        foreach (json_decode(file_get_contents($extra), true, 16, JSON_THROW_ON_ERROR) as $p) {
            $products[$p['id']] = new FakeProduct($p['id'], $p['sku'], $p['name'], $p['price'], $p['stock'],
                backorders: $p['backorders'], meta: $p['meta'] ?? []);
        }
    }
    return $products;
}

/** "11:1,13:2" -> WooCommerce cart items keyed by cart item key */
function bo_storefront_cart(): array
{
    $items = [];
    foreach (array_filter(explode(',', (string) ($_REQUEST['items'] ?? ''))) as $part) {
        [$id, $quantity] = array_map('intval', explode(':', $part) + [1 => 1]);
        if (isset(bo_storefront_products()[$id])) {
            $items['line' . $id] = ['data' => bo_storefront_products()[$id], 'quantity' => max(1, $quantity)];
        }
    }
    return $items;
}

add_filter('backorder_wc_product', static fn ($product, int $id) => bo_storefront_products()[$id] ?? $product, 10, 2);
add_filter('backorder_wc_cart_items', static fn () => bo_storefront_cart());
add_filter('backorder_wc_now', static fn () => getenv('BO_WP_NOW') ?: null);
add_filter('backorder_wc_locale', static fn () => 'en-US');
// nothing fetched from elsewhere: the pages stay the plugin's output and WordPress's
remove_action('wp_head', 'print_emoji_detection_script', 7);
remove_action('wp_print_styles', 'print_emoji_styles');
add_filter('template_include', static function (string $template): string {
    if (isset($_GET['product'])) {
        return __DIR__ . '/product.php';
    }
    if (isset($_GET['checkout'])) {
        return __DIR__ . '/checkout.php';
    }
    return $template;
});
