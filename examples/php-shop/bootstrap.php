<?php

// Loads the PHP package (bindings/php: Backorder\...) and the demo's classes (src/: PhpShop\...).
// BACKORDER_LIBRARY names libbackorder.so.1 (docs/php.md); BACKORDER_PHP_AUTOLOAD another copy of the package.

declare(strict_types=1);

require getenv('BACKORDER_PHP_AUTOLOAD') ?: dirname(__DIR__, 2) . '/bindings/php/autoload.php';

spl_autoload_register(static function (string $class): void {
    if (str_starts_with($class, 'PhpShop\\')) {
        $file = __DIR__ . '/src/' . substr($class, strlen('PhpShop\\')) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
