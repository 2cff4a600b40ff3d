<?php

declare(strict_types=1);

namespace Backorder;

/**
 * Loads libbackorder once per process through PHP FFI.
 *
 * The library: the absolute path in the BACKORDER_LIBRARY environment variable, else the soname
 * libbackorder.so.1 through the dynamic loader (ld.so.cache, LD_LIBRARY_PATH).
 *
 * The FFI header (generated from backorder.h at build time, never written by hand): the path in
 * BACKORDER_FFI_HEADER, else generated/backorder_ffi.h in this package (where packaging puts it), else
 * php/backorder_ffi.h of the build tree that holds BACKORDER_LIBRARY (<build>/capi/libbackorder.so.1 ->
 * <build>/php/backorder_ffi.h). Backorder\Constants is generated next to it.
 *
 * Under FPM or Apache, ffi.enable=preload (PHP's default) only allows FFI declared while preloading: either
 * set ffi.enable=true, or set ffi.preload=<build>/php/backorder_ffi_preload.h (generated), which declares the
 * scope "BACKORDER" that this class then uses (docs/php.md).
 */
final class Library
{
    /** The FFI scope name used when preloading. */
    public const SCOPE = 'BACKORDER';
    /** The soname looked up when BACKORDER_LIBRARY is not set. */
    public const SONAME = 'libbackorder.so.1';

    private static ?\FFI $ffi = null;
    private static ?string $loadedFrom = null;

    private function __construct()
    {
    }

    /** The loaded library (loaded on first use). */
    public static function ffi(): \FFI
    {
        return self::$ffi ??= self::load();
    }

    /** Where the library was loaded from: a path, a soname, or "preloaded scope BACKORDER". */
    public static function loadedFrom(): ?string
    {
        return self::$loadedFrom;
    }

    /** The library's version, "0.1.0". */
    public static function version(): string
    {
        return (string) self::ffi()->bo_version_string();
    }

    /** The library's ABI version (what this binding requires: Constants::BO_ABI_VERSION). */
    public static function abiVersion(): int
    {
        return (int) self::ffi()->bo_abi_version();
    }

    /** The library path or soname that will be loaded. */
    public static function libraryPath(): string
    {
        $env = getenv('BACKORDER_LIBRARY');
        if ($env === false || $env === '') {
            return self::SONAME;
        }
        if ($env[0] !== '/') {
            throw new Exception(
                "BACKORDER_LIBRARY must be an absolute path to libbackorder.so.1, not \"$env\"",
                -2, // BO_EINVALID
            );
        }
        return $env;
    }

    /** The generated FFI header (see the class comment for the search order). */
    public static function headerPath(): string
    {
        $env = getenv('BACKORDER_FFI_HEADER');
        if ($env !== false && $env !== '') {
            return $env;
        }
        $candidates = [dirname(__DIR__) . '/generated/backorder_ffi.h'];
        $lib = getenv('BACKORDER_LIBRARY');
        if ($lib !== false && $lib !== '') {
            $candidates[] = dirname($lib, 2) . '/php/backorder_ffi.h';
        }
        foreach ($candidates as $candidate) {
            if (is_file($candidate)) {
                return $candidate;
            }
        }
        return $candidates[0];
    }

    /** @internal The text FFI reads: the generated header, checked to be preprocessor-free. */
    public static function headerText(): string
    {
        $path = self::headerPath();
        $text = is_file($path) ? file_get_contents($path) : false;
        if ($text === false) {
            throw new Exception(
                "Backorder's generated FFI header was not found at $path. Build the project (it writes "
                . "<build>/php/backorder_ffi.h) and set BACKORDER_FFI_HEADER to its path.",
            );
        }
        if (!is_file(dirname($path) . '/Constants.php')) {
            throw new Exception("Backorder's generated Constants.php is missing next to $path; rebuild the project.");
        }
        if (preg_match('/^\s*#/m', $text)) {
            throw new Exception("$path contains preprocessor directives; FFI needs the generated backorder_ffi.h");
        }
        return $text;
    }

    /**
     * For opcache.preload (see preload.php): declares the FFI scope "BACKORDER" so that web SAPIs can use
     * the library with ffi.enable=preload.
     */
    public static function preload(): void
    {
        $lib = self::libraryPath();
        $file = tempnam(sys_get_temp_dir(), 'backorder_ffi_');
        if ($file === false) {
            throw new Exception('cannot create a temporary file for the FFI declarations');
        }
        try {
            file_put_contents(
                $file,
                '#define FFI_SCOPE "' . self::SCOPE . "\"\n#define FFI_LIB \"" . addcslashes($lib, "\"\\") . "\"\n"
                . self::headerText(),
            );
            if (\FFI::load($file) === null) {
                throw new Exception("FFI::load could not load the Backorder library ($lib)");
            }
        } finally {
            @unlink($file);
        }
    }

    private static function load(): \FFI
    {
        if (!extension_loaded('ffi')) {
            throw new Exception(
                'Backorder needs the PHP FFI extension, which is not loaded in this PHP (' . PHP_SAPI . '). '
                . 'Install or enable it (php8.2-cli on Debian has it built in: extension=ffi) and set '
                . 'ffi.enable=true in php.ini (or preload Backorder under FPM/Apache).',
            );
        }
        $enable = strtolower((string) ini_get('ffi.enable'));
        $cli = PHP_SAPI === 'cli' || PHP_SAPI === 'phpdbg' || PHP_SAPI === 'embed';

        if ($enable === 'preload' || !$cli) {
            $scoped = self::fromPreloadedScope();
            if ($scoped !== null) {
                return $scoped;
            }
        }
        if (in_array($enable, ['', '0', 'false', 'off', 'no'], true)) {
            throw new Exception(
                'PHP FFI is disabled (ffi.enable=' . ini_get('ffi.enable') . '). Set ffi.enable=true in php.ini '
                . 'for this SAPI (' . PHP_SAPI . '), or keep ffi.enable=preload and preload Backorder with '
                . 'ffi.preload=<build>/php/backorder_ffi_preload.h (see docs/php.md).',
            );
        }
        if ($enable === 'preload' && !$cli) {
            throw new Exception(
                'PHP FFI is restricted to preloading here (ffi.enable=preload under ' . PHP_SAPI . '). Set '
                . 'ffi.enable=true in php.ini, or preload Backorder with ffi.preload=<build>/php/backorder_ffi_preload.h '
                . '(see docs/php.md) so that the FFI scope "' . self::SCOPE . '" exists.',
            );
        }

        $header = self::headerText();
        $lib = self::libraryPath();
        if ($lib !== self::SONAME && !is_file($lib)) {
            throw new Exception(
                "The Backorder library was not found: BACKORDER_LIBRARY=$lib does not exist. "
                . 'Point BACKORDER_LIBRARY at libbackorder.so.1 (absolute path), or unset it to load '
                . self::SONAME . ' through the dynamic loader.',
            );
        }
        try {
            $ffi = \FFI::cdef($header, $lib);
        } catch (\FFI\Exception $e) {
            throw self::loadError($e, $lib);
        }
        self::checkVersion($ffi, $lib);
        self::$loadedFrom = $lib;
        return $ffi;
    }

    private static function fromPreloadedScope(): ?\FFI
    {
        try {
            $ffi = \FFI::scope(self::SCOPE);
        } catch (\Throwable) { // no such scope, or FFI disabled altogether
            return null;
        }
        self::checkVersion($ffi, 'preloaded scope ' . self::SCOPE);
        self::$loadedFrom = 'preloaded scope ' . self::SCOPE;
        return $ffi;
    }

    private static function loadError(\FFI\Exception $e, string $lib): Exception
    {
        $m = $e->getMessage();
        if (preg_match("/Failed resolving C function '([^']+)'/", $m, $match)) {
            return new Exception(
                "The Backorder library loaded from $lib is too old for this binding: it lacks {$match[1]}(). "
                . 'Install a libbackorder with ABI version ' . Constants::BO_ABI_VERSION . ' and version '
                . Constants::BO_VERSION_MAJOR . '.' . Constants::BO_VERSION_MINOR . ' or newer.',
                Constants::BO_EINTERNAL,
                '',
                [],
                $e,
            );
        }
        if (str_starts_with($m, 'Failed loading')) {
            $how = $lib === self::SONAME
                ? 'The dynamic loader found no ' . self::SONAME . ': install libbackorder, add its directory to '
                  . 'LD_LIBRARY_PATH, or set BACKORDER_LIBRARY to its absolute path.'
                : "BACKORDER_LIBRARY=$lib could not be loaded (not a library for this machine, or a dependency is missing).";
            return new Exception("The Backorder library could not be loaded. $how ($m)", Constants::BO_EINTERNAL, '', [], $e);
        }
        return new Exception("The Backorder FFI declarations could not be loaded: $m", Constants::BO_EINTERNAL, '', [], $e);
    }

    private static function checkVersion(\FFI $ffi, string $from): void
    {
        $abi = (int) $ffi->bo_abi_version();
        if ($abi !== Constants::BO_ABI_VERSION) {
            $age = $abi < Constants::BO_ABI_VERSION ? 'too old' : 'newer than this binding';
            throw new Exception(
                "The Backorder library ($from, version {$ffi->bo_version_string()}) has ABI version $abi, "
                . "$age: this binding needs ABI version " . Constants::BO_ABI_VERSION . '.',
            );
        }
        // Within one ABI, features are only added: a library older than the header lacks some of them.
        $have = intdiv((int) $ffi->bo_version_number(), 100);
        $need = intdiv(Constants::BO_VERSION_NUMBER, 100);
        if ($have < $need) {
            throw new Exception(
                "The Backorder library ($from) is version {$ffi->bo_version_string()}, too old: this binding needs "
                . Constants::BO_VERSION_MAJOR . '.' . Constants::BO_VERSION_MINOR . ' or newer.',
            );
        }
    }
}
