<?php

// opcache.preload script for FPM/Apache with ffi.enable=preload (PHP's default), for servers that do not
// start as root:  opcache.preload=/path/to/bindings/php/preload.php
// PHP refuses FFI::load together with opcache.preload_user; then use ffi.preload=<build>/php/
// backorder_ffi_preload.h instead (docs/php.md).
// It declares the FFI scope "BACKORDER" from the generated header and the library (BACKORDER_LIBRARY or
// the soname libbackorder.so.1); Backorder\Library then uses that scope in every request.

declare(strict_types=1);

require __DIR__ . '/autoload.php';

Backorder\Library::preload();
