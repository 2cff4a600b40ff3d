<?php

// Serves the test site with PHP's built-in server, as Apache would serve Debian's WordPress:
//   php -d ffi.enable=1 -S 127.0.0.1:PORT -t /usr/share/wordpress tests/wordpress/router.php
// Static files come from /usr/share/wordpress; every other request is the front end (wp-blog-header.php's
// steps with the test wp-config.php, since Debian's own wp-config.php reads /etc/wordpress).

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/';
$file = realpath('/usr/share/wordpress' . $path);
if ($file !== false && str_starts_with($file, '/usr/share/wordpress/') && is_file($file) && !str_ends_with($file, '.php')) {
    return false;
}
define('WP_USE_THEMES', true); // as index.php does
require __DIR__ . '/wp-config.php';
wp();
require ABSPATH . WPINC . '/template-loader.php';
