<?php

declare(strict_types=1);

namespace Backorder;

/**
 * Labels catalog pages through the typed C path (bo_labeler_new + bo_labeler_run) in one locale at one
 * moment. It caches wording across rows, so a page costs little more than its distinct labels.
 * One thread at a time; release it with close() (or let it go out of scope).
 *
 * Rows are flat arrays of the item and stock fields of docs/json.md:
 *   sku (required), name, backorders, lead_time_days {min, max}, release_date, discontinued, max_backorder,
 *   low_stock_threshold, on_hand, reserved, safety_stock, promised, backordered, and optionally quantity.
 * A null value means "not given". Integers must be PHP ints and flags PHP bools (cast values read from a
 * database first); a row that breaks a rule gets a null label and an entry in LabelBatch::$errors.
 *
 * run() takes rows (packed into a throwaway Catalog, then labelled) or a prepared Catalog (labelled as it is:
 * the fast path when the same catalog is labelled again and again). Either way the answer is a lazy
 * LabelBatch: the library's bo_label array, read only where asked (a row, or a column).
 */
final class Labeler
{
    /**
     * @deprecated Rows used to be sent to the library in chunks of this size; a run is now one call over a
     * Catalog (kept for code that sized its pages by it).
     */
    public const CHUNK = 4096;

    /** Field names a row may have. */
    public const FIELDS = [
        'sku' => true, 'name' => true, 'backorders' => true, 'lead_time_days' => true, 'release_date' => true,
        'discontinued' => true, 'max_backorder' => true, 'low_stock_threshold' => true, 'on_hand' => true,
        'reserved' => true, 'safety_stock' => true, 'promised' => true, 'backordered' => true, 'quantity' => true,
        'category' => true, 'attributes' => true, 'price' => true, 'supplier' => true, 'reorder_on' => true,
    ];

    // bo_item and bo_label as packed bytes (LP64, native byte order). The layout is checked once against
    // what FFI read from the generated header (checkLayout); packing a whole chunk into one string and
    // copying it with one memcpy is many times faster than writing struct fields one by one through FFI.
    /** @internal */
    public const ITEM_SIZE = 120;
    /** @internal */
    public const ITEM_PACK = 'QQQqqqqqqqqqqa11xL';
    private const ITEM_OFFSETS = [
        'struct_size' => 0, 'sku' => 8, 'sku_len' => 16, 'quantity' => 24, 'on_hand' => 32, 'reserved' => 40,
        'safety_stock' => 48, 'promised' => 56, 'backordered' => 64, 'lead_min_days' => 72,
        'lead_max_days' => 80, 'max_backorder' => 88, 'low_stock_threshold' => 96, 'release_date' => 104,
        'flags' => 116,
    ];
    /** @internal */
    public const LABEL_SIZE = 168;
    // error, status; sellable, ship_now, later, unavailable; notify_me, now_min/max, later_min/max;
    // now_from, now_to, later_from, later_to; text, short_text, schema_org, merchant, availability_date,
    // error_message, error_path
    /** @internal */
    public const LABEL_UNPACK = 'x8/l2s/q4n/l5w/Z11a/Z11b/Z11c/Z11d/Q7p';
    private const LABEL_OFFSETS = [
        'struct_size' => 0, 'error' => 8, 'status' => 12, 'sellable' => 16, 'ship_now' => 24, 'later' => 32,
        'unavailable' => 40, 'notify_me' => 48, 'now_min_days' => 52, 'now_max_days' => 56,
        'later_min_days' => 60, 'later_max_days' => 64, 'now_from' => 68, 'now_to' => 79, 'later_from' => 90,
        'later_to' => 101, 'text' => 112, 'short_text' => 120, 'schema_org' => 128, 'merchant' => 136,
        'availability_date' => 144, 'error_message' => 152, 'error_path' => 160,
    ];

    private static bool $layoutChecked = false;

    private readonly \FFI $ffi;
    /** the bo_labeler*, shared with the batches it labelled (their texts belong to it) */
    private ?LabelerHandle $handle = null;

    /**
     * @param string|null $locale BCP 47 ("de-DE"); null for the policy's
     * @param \DateTimeInterface|string|null $now ISO 8601 with an offset; null for the current time
     * @throws Exception BO_EINVALID with path "locale" or "now"
     */
    public function __construct(
        private readonly Engine $engine,
        ?string $locale = null,
        \DateTimeInterface|string|null $now = null,
    ) {
        $ffi = $this->ffi = Library::ffi();
        self::checkLayout($ffi);
        $locale ??= $engine->locale() ?? '';
        $ms = self::unixMillis($now);
        $out = $ffi->new('bo_labeler*');
        $status = $ffi->bo_labeler_new(\FFI::addr($out), $engine->handle(), $locale, strlen($locale), $ms);
        if ($status !== Constants::BO_OK) {
            throw Exception::fromLastError($ffi, $status);
        }
        $this->handle = new LabelerHandle($ffi, $out);
    }

    public function __destruct()
    {
        $this->close();
    }

    /**
     * Lets go of the C labeler: it is freed now, or when the last batch it labelled is released (a batch's
     * texts belong to it). Further run() calls throw.
     */
    public function close(): void
    {
        $this->handle = null;
    }

    /**
     * Labels rows or a prepared Catalog (see the class comment). For rows, $quantity (null: 1) applies to rows
     * without their own "quantity"; a Catalog carries its quantities, so $quantity must then be null.
     *
     * @param iterable<array>|Catalog $rows
     */
    public function run(iterable|Catalog $rows, ?int $quantity = null): LabelBatch
    {
        if ($this->handle === null) {
            throw new Exception('the labeler has been closed');
        }
        if ($rows instanceof Catalog) {
            if ($quantity !== null) {
                throw Exception::invalid('quantity', "a Catalog's quantities are set when it is prepared "
                    . '(Catalog::fromRows($rows, $quantity), Catalog::setQuantity())');
            }
            return $this->runCatalog($rows);
        }
        return $this->runCatalog(Catalog::fromRows($rows, $quantity ?? 1));
    }

    /** Labels a prepared catalog: one bo_labeler_run over its bo_item array, the answers kept as they are. */
    private function runCatalog(Catalog $catalog): LabelBatch
    {
        $n = count($catalog);
        $out = $catalog->takeLabels();
        if ($n > 0) {
            $status = $this->ffi->bo_labeler_run($out, $this->handle->ptr, $catalog->items(), $n);
            if ($status !== Constants::BO_OK) {
                $catalog->giveBackLabels($out);
                throw Exception::fromLastError($this->ffi, $status);
            }
        }
        return new LabelBatch($out, $n, $this->handle, $catalog->skus(), $catalog->quantities(),
            $catalog->refused(), \WeakReference::create($catalog));
    }

    /** @internal a zeroed bo_label[$n] (at least 1) with every struct_size set */
    public static function newLabels(int $n): \FFI\CData
    {
        $n = max(1, $n);
        $out = Library::ffi()->new("bo_label[$n]");
        static $one = null;
        $one ??= pack('Q', self::LABEL_SIZE) . str_repeat("\0", self::LABEL_SIZE - 8);
        \FFI::memcpy($out, str_repeat($one, $n), $n * self::LABEL_SIZE);
        return $out;
    }

    private static function unixMillis(\DateTimeInterface|string|null $now): int
    {
        if ($now === null) {
            $now = new \DateTimeImmutable('now');
        } elseif (is_string($now)) {
            $re = '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/';
            try {
                $parsed = preg_match($re, $now) ? new \DateTimeImmutable($now) : false;
            } catch (\Exception) {
                $parsed = false;
            }
            if ($parsed === false) {
                throw Exception::invalid('now', "must be an ISO 8601 instant with an offset, not \"$now\"");
            }
            $now = $parsed;
        }
        // whole seconds, as Engine::label() sends them
        return $now->getTimestamp() * 1000;
    }

    /** Checks once that FFI lays out bo_item and bo_label as the pack formats above assume. */
    /** @internal */
    public static function checkLayout(\FFI $ffi): void
    {
        if (self::$layoutChecked) {
            return;
        }
        foreach (['bo_item' => [self::ITEM_SIZE, self::ITEM_OFFSETS], 'bo_label' => [self::LABEL_SIZE, self::LABEL_OFFSETS]] as $type => [$size, $offsets]) {
            $s = $ffi->new($type);
            $problem = \FFI::sizeof($s) !== $size ? "sizeof is " . \FFI::sizeof($s) . ", not $size" : null;
            $base = \FFI::cast('uintptr_t', \FFI::addr($s))->cdata;
            foreach ($offsets as $field => $offset) {
                $at = \FFI::cast('uintptr_t', \FFI::addr($s->$field))->cdata - $base;
                if ($at !== $offset) {
                    $problem ??= "$field is at $at, not $offset";
                }
            }
            if ($problem !== null) {
                throw new Exception(
                    "the generated FFI header's $type does not match Backorder\\Labeler's packing ($problem): "
                    . 'the binding must be updated together with backorder.h',
                );
            }
        }
        self::$layoutChecked = true;
    }
}
