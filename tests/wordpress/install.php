<?php

// Installs WordPress into the empty test database (wp_install, as wp-admin/install.php does) and activates
// the plugin (activate_plugin, as the Plugins screen does). Run by run.sh.

define('WP_INSTALLING', true);
require __DIR__ . '/wp-config.php';
// pluggable: the install's "your new site" mail has nowhere to go here
function wp_new_blog_notification(): void
{
}
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$installed = wp_install('Backorder test shop', 'admin', 'admin@example.com', false, '', 'admin-password-for-tests');
if (empty($installed['user_id'])) {
    fwrite(STDERR, "wp_install failed\n");
    exit(1);
}
$result = activate_plugin('backorder-for-woocommerce/backorder-for-woocommerce.php');
if (is_wp_error($result)) {
    fwrite(STDERR, 'activate_plugin: ' . $result->get_error_message() . "\n");
    exit(1);
}
echo 'WordPress ', get_bloginfo('version'), ' installed; active plugins: ', implode(', ', get_option('active_plugins')), "\n";
