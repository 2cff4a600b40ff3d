<?php

// The demo shop's front controller for PHP's built-in server (README.md):
//   php -d ffi.enable=1 -S 127.0.0.1:8080 router.php
// Routes: GET / (catalog), GET /product?sku=, POST /cart/add, GET /cart, POST /cart (update or place the
// order), GET /order?id=, POST /notify. Only the front controller runs: no other file is served.

declare(strict_types=1);

require __DIR__ . '/bootstrap.php';

use PhpShop\Pages;
use PhpShop\Shop;
use PhpShop\Session;

header('X-Content-Type-Options: nosniff');
header('Referrer-Policy: same-origin');

try {
    $shop = new Shop();
    Session::start($shop->dataDir);
    $pages = new Pages($shop);
    $path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/';
    $method = $_SERVER['REQUEST_METHOD'] ?? 'GET';
    if ($method === 'POST' && !Session::checkCsrf()) {
        $pages->error(403, 'This form has expired. Go back, reload the page and try again.');
        return true;
    }
    match ([$method, $path]) {
        ['GET', '/'] => $pages->home(),
        ['GET', '/product'] => $pages->product((string) ($_GET['sku'] ?? '')),
        ['POST', '/cart/add'] => $pages->addToCart(),
        ['GET', '/cart'] => $pages->cart(),
        ['POST', '/cart'] => $pages->updateCart(),
        ['GET', '/order'] => $pages->order((string) ($_GET['id'] ?? '')),
        ['POST', '/notify'] => $pages->notify(),
        default => $pages->error(404, 'There is no such page.'),
    };
} catch (Backorder\Exception $e) {
    // The engine's message names the input at fault; the shopper sees it escaped, the log gets all of it.
    error_log('backorder: ' . $e->getMessage());
    http_response_code(500);
    echo '<!DOCTYPE html><title>Error</title><p>Something went wrong: ', PhpShop\Html::h($e->getMessage()), '</p>';
} catch (Throwable $e) {
    error_log((string) $e);
    http_response_code(500);
    echo '<!DOCTYPE html><title>Error</title><p>Something went wrong.</p>';
}
return true;
