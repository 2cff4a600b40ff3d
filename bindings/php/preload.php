<?php

// opcache.preload script for FPM/Apache with ffi.enable=preload (PHP's default):
//   opcache.preload=/path/to/bindings/php/preload.php
//   opcache.preload_user=www-data
// It declares the FFI scope "BACKORDER" from the generated header and the library (BACKORDER_LIBRARY or
// the soname libbackorder.so.1); Backorder\Library then uses that scope in every request.

declare(strict_types=1);

require __DIR__ . '/autoload.php';

Backorder\Library::preload();
