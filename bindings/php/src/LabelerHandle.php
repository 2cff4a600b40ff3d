<?php

declare(strict_types=1);

namespace Backorder;

/**
 * @internal A bo_labeler*, freed when the last holder lets go: the Labeler that made it and every LabelBatch it
 * labelled (their text pointers belong to it).
 */
final class LabelerHandle
{
    public function __construct(private readonly \FFI $ffi, public readonly \FFI\CData $ptr)
    {
    }

    public function __destruct()
    {
        $this->ffi->bo_labeler_free($this->ptr);
    }
}
