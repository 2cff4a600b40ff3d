<?php

// Autoloader for using the binding without Composer:  require '/path/to/bindings/php/autoload.php';
// Backorder\Constants is generated at build time next to the FFI header (see Backorder\Library::headerPath()).

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    if (!str_starts_with($class, 'Backorder\\')) {
        return;
    }
    $name = substr($class, strlen('Backorder\\'));
    if (str_contains($name, '\\')) {
        return;
    }
    $file = __DIR__ . "/src/$name.php";
    if ($name === 'Constants' && !is_file($file)) {
        $file = dirname(Backorder\Library::headerPath()) . '/Constants.php';
    }
    if (is_file($file)) {
        require $file;
    }
});
