<?php

declare(strict_types=1);

// The suite needs the built library: BACKORDER_LIBRARY=/abs/path/libbackorder.so.1 (see phpunit.xml).
$lib = getenv('BACKORDER_LIBRARY');
if ($lib === false || $lib === '' || !is_file($lib)) {
    fwrite(STDERR, "tests/php: set BACKORDER_LIBRARY to the absolute path of the built libbackorder.so.1\n");
    exit(2);
}

require dirname(__DIR__, 2) . '/bindings/php/autoload.php';

const BO_REPO = __DIR__ . '/../..';
const BO_APPAREL = BO_REPO . '/examples/apparel';
const BO_NOW = '2026-11-30T09:00:00-05:00';
