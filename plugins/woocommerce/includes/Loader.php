<?php

declare(strict_types=1);

namespace BackorderWC;

/**
 * Makes Backorder\Engine loadable: the PHP package from Composer (already autoloaded, or vendor/ inside this
 * plugin) or from the configured autoload.php; and points the package at the configured library. Says why
 * when it cannot, instead of breaking the shop.
 */
final class Loader
{
    private static ?string $problem = null;
    private static bool $done = false;

    /** True when Backorder\Engine can be used; otherwise problem() says why. */
    public static function load(): bool
    {
        if (self::$done) {
            return self::$problem === null;
        }
        self::$done = true;
        if (!extension_loaded('ffi')) {
            self::$problem = 'PHP\'s FFI extension is not loaded (Debian: php8.2-ffi is part of php8.2-common; enable it with ffi.enable).';
            return false;
        }
        $library = Settings::library();
        if ($library !== null && getenv('BACKORDER_LIBRARY') === false) {
            putenv('BACKORDER_LIBRARY=' . $library); // the PHP package reads it when it first loads the library
        }
        if (!class_exists(\Backorder\Engine::class)) {
            $candidates = array_filter([Settings::binding(), dirname(BACKORDER_WC_FILE) . '/vendor/autoload.php']);
            foreach ($candidates as $file) {
                if (is_file($file)) {
                    require_once $file;
                    break;
                }
            }
        }
        if (!class_exists(\Backorder\Engine::class)) {
            self::$problem = 'The Backorder PHP package was not found: set BACKORDER_WC_BINDING to its autoload.php, '
                . 'or install backorder/backorder with Composer.';
            return false;
        }
        return true;
    }

    public static function problem(): ?string
    {
        return self::$problem;
    }

    /** @internal tests: forget the answer (a later load() looks again). */
    public static function reset(): void
    {
        self::$done = false;
        self::$problem = null;
    }
}
