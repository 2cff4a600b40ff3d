<?php

declare(strict_types=1);

namespace Backorder;

/**
 * @internal A bo_checkout*, freed when its CheckoutReader lets go: the pointers read from it (label texts,
 * names) belong to it, and the PHP strings made from them are copies.
 */
final class CheckoutHandle
{
    public function __construct(private readonly \FFI $ffi, public readonly \FFI\CData $ptr)
    {
    }

    public function __destruct()
    {
        $this->ffi->bo_checkout_free($this->ptr);
    }
}
