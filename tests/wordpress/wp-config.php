<?php

// WordPress's configuration for the plugin's tests: Debian's WordPress (/usr/share/wordpress) on the throwaway
// MariaDB of scripts/mariadb.sh, with a wp-content of its own that holds only this plugin. run.sh sets the
// environment. Loading this file loads WordPress (as wp-config.php does).

$env = static function (string $name): string {
    $value = getenv($name);
    if ($value === false || $value === '') {
        fwrite(STDERR, "tests/wordpress: $name is not set (run tests/wordpress/run.sh)\n");
        exit(2);
    }
    return $value;
};

define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:' . $env('BO_WP_DB_SOCKET'));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$GLOBALS['table_prefix'] = 'wp_';

define('WP_CONTENT_DIR', $env('BO_WP_CONTENT'));
$url = getenv('BO_WP_URL') ?: 'http://127.0.0.1'; // the browser test serves the site on a free port
define('WP_HOME', $url);
define('WP_SITEURL', $url);
define('WP_DEBUG', true);
// ... but keep the error_reporting run.sh gives PHP (E_ALL without WordPress 6.1's own PHP 8.2 deprecations):
// a filter set before WordPress loads, the way WordPress documents for pre-initialized hooks
$GLOBALS['wp_filter']['enable_wp_debug_mode_checks'][10][] = ['function' => static fn () => false, 'accepted_args' => 1];
define('WP_DEBUG_DISPLAY', false);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, "backorder-tests-$key-not-secret");
}

// The plugin's settings (plugins/woocommerce/README.md).
$repo = dirname(__DIR__, 2);
define('BACKORDER_WC_POLICY', "$repo/examples/apparel/policy.json");
define('BACKORDER_WC_BINDING', "$repo/bindings/php/autoload.php");
define('BACKORDER_WC_LIBRARY', $env('BACKORDER_LIBRARY'));
define('BACKORDER_WC_LEDGER', 'sqlite:' . $env('BO_WP_CONTENT') . '/ledger.db');
define('BACKORDER_WC_SECRET', 'wordpress-tests-secret-0123456789');

$_SERVER['HTTP_HOST'] ??= '127.0.0.1';
$_SERVER['SERVER_NAME'] ??= '127.0.0.1';
$_SERVER['REQUEST_URI'] ??= '/';

if (!defined('ABSPATH')) {
    define('ABSPATH', '/usr/share/wordpress/');
}
require_once ABSPATH . 'wp-settings.php';
