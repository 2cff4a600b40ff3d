<?php

declare(strict_types=1);

// Loads WordPress (installed by install.php, the plugin active) and the WooCommerce-shaped doubles.
// PHPUnit includes this file inside a function: WordPress's globals are declared here so that what
// wp-settings.php assigns lands in the global scope, as in a web request (WordPress's own test bootstrap
// does the same).
global $wpdb, $table_prefix, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer,
    $wp_theme_directories, $wp_filter, $wp_actions, $wp_current_filter, $wp_plugin_paths, $wp_locale,
    $wp_embed, $wp_roles, $wp_query, $wp_the_query, $wp_widget_factory, $wp_version, $wp_db_version;

require __DIR__ . '/wp-config.php';
require __DIR__ . '/doubles/FakeProduct.php';
require __DIR__ . '/doubles/FakeOrder.php';
require __DIR__ . '/PluginTestCase.php';
