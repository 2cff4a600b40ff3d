<?php

declare(strict_types=1);

namespace Backorder;

/**
 * @internal One JSON-in, JSON-out library call: bo_x(char **out, size_t *out_len, [handle,] json, len). The
 * answer is copied into a PHP string and the library's copy released with bo_free, whatever happens; a failure
 * becomes a Backorder\Exception with every problem of the last error.
 */
final class Call
{
    private function __construct()
    {
    }

    public static function json(string $function, string $input, ?\FFI\CData $handle = null): string
    {
        $ffi = Library::ffi();
        $out = $ffi->new('char*');
        $len = $ffi->new('size_t');
        try {
            $status = $handle === null
                ? $ffi->$function(\FFI::addr($out), \FFI::addr($len), $input, strlen($input))
                : $ffi->$function(\FFI::addr($out), \FFI::addr($len), $handle, $input, strlen($input));
            if ($status !== 0) { // BO_OK
                throw Exception::fromLastError($ffi, $status);
            }
            return \FFI::string($out, $len->cdata);
        } finally {
            $ffi->bo_free($out);
        }
    }

    /** JSON text for the library; a value PHP cannot encode is BO_EINVALID at $path. */
    public static function encode(mixed $value, string $path): string
    {
        try {
            return json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES
                | JSON_PRESERVE_ZERO_FRACTION);
        } catch (\JsonException $e) {
            throw new Exception("the $path cannot be encoded as JSON: " . $e->getMessage(), -2 /* BO_EINVALID */, $path, [], $e);
        }
    }
}
