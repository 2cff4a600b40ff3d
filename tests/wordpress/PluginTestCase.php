<?php

declare(strict_types=1);

use Backorder\Engine;
use Backorder\Label;
use BackorderWC\Plugin;
use PHPUnit\Framework\TestCase;

/**
 * Common ground: a pinned moment and locale (the plugin's filters), a fresh plugin state per test, the
 * apparel store's products as WooCommerce-shaped doubles, and the engine asked directly for what the hooks
 * should answer.
 */
abstract class PluginTestCase extends TestCase
{
    protected const NOW = '2026-11-30T09:00:00-05:00';

    protected static ?Engine $engine = null;
    /** @var list<array{string, Throwable}> what the plugin logged through backorder_wc_error */
    protected array $errors = [];

    protected function setUp(): void
    {
        Plugin::instance()->reset();
        add_filter('backorder_wc_now', static fn () => self::NOW);
        add_filter('backorder_wc_locale', static fn () => 'en-US');
        add_action('backorder_wc_error', function (string $what, Throwable $e): void {
            $this->errors[] = [$what, $e];
        }, 10, 2);
        // the plugin loads the PHP package (BACKORDER_WC_BINDING); the tests use the same one
        $this->assertTrue(BackorderWC\Loader::load(), (string) BackorderWC\Loader::problem());
        self::$engine ??= new Engine(BACKORDER_WC_POLICY);
        $_POST = [];
        $_SERVER['REQUEST_METHOD'] = 'GET';
    }

    protected function tearDown(): void
    {
        foreach (['backorder_wc_now', 'backorder_wc_locale', 'backorder_wc_error', 'backorder_wc_product',
                  'backorder_wc_cart_items', 'pre_wp_mail'] as $hook) {
            remove_all_filters($hook);
        }
        $_POST = [];
    }

    /** The engine's label for explicit item and stock facts, as the plugin should ask for them. */
    protected static function expected(array $item, array $stock, int $quantity = 1): Label
    {
        return self::$engine->label($item, $stock, $quantity, 'en-US', self::NOW);
    }

    protected static function jacket(int $stock = 0): FakeProduct
    {
        return new FakeProduct(11, 'JKT-NAVY-M', 'Field jacket, navy, M', '129.00', $stock, backorders: 'notify',
            meta: ['_backorder_lead_time_min' => '10', '_backorder_lead_time_max' => '14']);
    }

    protected static function tee(int $stock = 0): FakeProduct
    {
        return new FakeProduct(12, 'TEE-BASIC-S', 'Basic tee, S', '19.00', $stock);
    }

    protected static function scarf(): FakeProduct
    {
        return new FakeProduct(13, 'SCF-WOOL-GRY', 'Wool scarf, grey', '35.00', 40);
    }

    protected static function jeans(): FakeProduct
    {
        return new FakeProduct(14, 'JNS-SLIM-32', 'Slim jeans, 32', '79.00', 25);
    }
}
