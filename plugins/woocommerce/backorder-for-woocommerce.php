<?php
/**
 * Plugin Name:       Backorder for WooCommerce
 * Description:       Truthful availability labels, ship dates in cart and checkout, matching schema.org data and notify-me, computed by the Backorder engine (libbackorder through PHP FFI).
 * Version:           0.2.0
 * Requires at least: 6.1
 * Requires PHP:      8.2
 * License:           Apache-2.0
 * Text Domain:       backorder-for-woocommerce
 *
 * WC requires at least: 8.0
 */

declare(strict_types=1);

if (!defined('ABSPATH')) {
    exit; // loaded by WordPress only
}

define('BACKORDER_WC_FILE', __FILE__);

spl_autoload_register(static function (string $class): void {
    if (str_starts_with($class, 'BackorderWC\\')) {
        $file = __DIR__ . '/includes/' . substr($class, strlen('BackorderWC\\')) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

BackorderWC\Plugin::instance()->register();
