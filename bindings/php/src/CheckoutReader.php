<?php

declare(strict_types=1);

namespace Backorder;

/**
 * @internal Reads a plan the library keeps (bo_checkout) into the binding's objects, through the typed structs
 * of backorder.h rather than the plan's JSON: decoding 50 lines of JSON costs PHP more than planning them.
 *
 * Each array is filled by one call, then read through int64_t and int32_t views of its memory (an indexed
 * read costs PHP a few nanoseconds; a struct field by name or an unpack() several times more). Windows and
 * the words of labels come as tables the rest refers to by index, so each is made once: one Window object
 * and one PHP string per distinct value. Every string lies in one block of the plan's, copied once: a string
 * is a substr() at its pointer's offset (by its length, for text that came from the caller and may hold any
 * byte; up to its NUL for the library's own words). A PHP function call costs more than the reads
 * themselves, so the loops read fields and strings inline. Dates are always "YYYY-MM-DD".
 */
final class CheckoutReader
{
    // Sizes and byte offsets of the typed structs (LP64), checked once against the generated header by
    // checkLayout(). Fields are read as 64-bit words (offset / 8) or 32-bit ints (offset / 4).
    private const LAYOUT = [
        'bo_checkout_window' => [40, ['min_days' => 8, 'max_days' => 12, 'from' => 16, 'to' => 27]],
        'bo_checkout_wording' => [56, ['text' => 8, 'short_text' => 16, 'schema_org' => 24, 'merchant' => 32,
            'availability_date' => 40, 'status' => 48]],
        'bo_checkout_label' => [56, ['sellable' => 8, 'ship_now' => 16, 'later' => 24, 'unavailable' => 32,
            'wording' => 40, 'now_window' => 44, 'later_window' => 48, 'notify_me' => 52]],
        'bo_checkout_line' => [104, ['line_id' => 8, 'line_id_len' => 16, 'sku' => 24, 'sku_len' => 32,
            'name' => 40, 'name_len' => 48, 'quantity' => 56, 'unit_price' => 64, 'amount' => 72,
            'first_alternative' => 80, 'alternative_count' => 88, 'options' => 96, 'preorder' => 100]],
        'bo_checkout_alternative' => [48, ['sku' => 8, 'sku_len' => 16, 'name' => 24, 'name_len' => 32,
            'price' => 40]],
        'bo_checkout_strategy' => [104, ['id' => 8, 'disclosure' => 16, 'disclosure_len' => 24, 'advice' => 32,
            'authorization_expires' => 40, 'shipping_total' => 48, 'customer_pays' => 56, 'shop_pays' => 64,
            'first_shipment' => 72, 'shipment_count' => 80, 'complete' => 88, 'latest_ship' => 92]],
        'bo_checkout_shipment' => [40, ['charge' => 8, 'first_item' => 16, 'item_count' => 24, 'ship' => 32,
            'delivery' => 36]],
        'bo_checkout_shipment_item' => [32, ['line_id' => 8, 'line_id_len' => 16, 'quantity' => 24]],
        'bo_checkout_disclosure' => [48, ['kind' => 8, 'line_id' => 16, 'line_id_len' => 24, 'text' => 32,
            'text_len' => 40]],
    ];
    /** @internal options bits (BO_OPTION_*) => the option names, in the JSON's order */
    public const OPTION_NAMES = [1 => 'wait', 2 => 'notify_me', 4 => 'alternative', 8 => 'remove'];

    private static bool $layoutChecked = false;

    /** @var list<Window>|null the plan's windows, by index */
    private ?array $windows = null;
    private ?array $summary = null;
    /** every string of the plan (bo_checkout_texts), and the library address it was copied from */
    private string $block = '';
    private int $base = 0;

    public function __construct(private readonly \FFI $ffi, private readonly CheckoutHandle $handle)
    {
        self::checkLayout($ffi);
    }

    /**
     * The plan's scalars (keys as in the JSON) and the lengths of its arrays.
     *
     * @return array{now: string, locale: string, currency: string, policy_hash: string, default_strategy: string,
     *     recommended_strategy: string, recommendation: string, subtotal: int, cost_difference: int, mixed: bool,
     *     lines: int, alternatives: int, strategies: int, shipments: int, items: int, disclosures: int,
     *     windows: int, wordings: int}
     */
    public function summary(): array
    {
        return $this->summary ??= $this->readSummary();
    }

    /** @internal the plan's text block and the library address it was copied from (after summary()) */
    public function texts(): array
    {
        $this->summary();
        return [$this->block, $this->base];
    }

    private function readSummary(): array
    {
        $s = $this->ffi->new('bo_checkout_summary');
        $s->struct_size = \FFI::sizeof($s);
        $this->check($this->ffi->bo_checkout_summarize(\FFI::addr($s), $this->handle->ptr));
        $out = $this->ffi->new('const char*');
        $len = $this->ffi->new('size_t');
        $this->check($this->ffi->bo_checkout_texts(\FFI::addr($out), \FFI::addr($len), $this->handle->ptr));
        $this->block = \FFI::string($out, $len->cdata);
        $this->base = \FFI::cast('uintptr_t', $out)->cdata;
        // FFI reads a const char* field as a PHP string (up to its NUL)
        return [
            'now' => $s->now,
            'locale' => $s->locale,
            'currency' => $s->currency,
            'policy_hash' => $s->policy_hash,
            'default_strategy' => $s->default_strategy,
            'recommended_strategy' => $s->recommended_strategy,
            'recommendation' => $s->recommendation,
            'subtotal' => $s->subtotal,
            'cost_difference' => $s->cost_difference,
            'mixed' => $s->mixed !== 0,
            'lines' => $s->line_count,
            'alternatives' => $s->alternative_count,
            'strategies' => $s->strategy_count,
            'shipments' => $s->shipment_count,
            'items' => $s->shipment_item_count,
            'disclosures' => $s->disclosure_count,
            'windows' => $s->window_count,
            'wordings' => $s->wording_count,
        ];
    }

    /** @return list<CheckoutLine> */
    public function lines(): array
    {
        $sum = $this->summary();
        $n = $sum['lines'];
        $alternativeCount = $sum['alternatives'];
        [$lineMem, $lw, $li] = $this->read('bo_checkout_lines', 'bo_checkout_line', 104, $n);
        [$altMem, $aw] = $this->read('bo_checkout_alternatives', 'bo_checkout_alternative', 48, $alternativeCount);
        $block = $this->block;
        $base = $this->base;
        $gc = gc_enabled();
        if ($gc) {
            gc_disable(); // many small acyclic objects: the cycle collector would rescan them again and again
        }
        try {
            // Every label's sku and quantity: its line's, or its alternative's sku and its line's quantity.
            $skus = [];
            $quantities = [];
            for ($i = 0, $w = 0; $i < $n; ++$i, $w += 13) {
                $skus[] = substr($block, $lw[$w + 3] - $base, $lw[$w + 4]);
                $quantities[] = $lw[$w + 7];
            }
            for ($i = 0, $w = 0; $i < $n; ++$i, $w += 13) {
                for ($j = $lw[$w + 10], $end = $j + $lw[$w + 11]; $j < $end; ++$j) {
                    $skus[$n + $j] = substr($block, $aw[$j * 6 + 1] - $base, $aw[$j * 6 + 2]);
                    $quantities[$n + $j] = $quantities[$i];
                }
            }
            $labels = $this->labels($n + $alternativeCount, $skus, $quantities);
            $lines = [];
            for ($i = 0, $w = 0; $i < $n; ++$i, $w += 13) {
                $alternatives = [];
                for ($j = $lw[$w + 10], $end = $j + $lw[$w + 11]; $j < $end; ++$j) {
                    $a = $j * 6;
                    $alternatives[] = new Alternative(
                        $skus[$n + $j],
                        substr($block, $aw[$a + 3] - $base, $aw[$a + 4]),
                        $aw[$a + 5],
                        $labels[$n + $j],
                    );
                }
                $bits = $li[$w * 2 + 24];
                $options = [];
                if ($bits !== 0) {
                    foreach (self::OPTION_NAMES as $bit => $name) {
                        if (($bits & $bit) !== 0) {
                            $options[] = $name;
                        }
                    }
                }
                $lines[] = new CheckoutLine(
                    substr($block, $lw[$w + 1] - $base, $lw[$w + 2]),
                    $skus[$i],
                    substr($block, $lw[$w + 5] - $base, $lw[$w + 6]),
                    $quantities[$i],
                    $lw[$w + 8],
                    $lw[$w + 9],
                    $li[$w * 2 + 25] !== 0,
                    $labels[$i],
                    $options,
                    $alternatives,
                );
            }
            return $lines;
        } finally {
            if ($gc) {
                gc_enable();
            }
        }
    }

    /** @return list<Strategy> */
    public function strategies(): array
    {
        $sum = $this->summary();
        [$strategyMem, $sw, $si, $sBytes] = $this->read('bo_checkout_strategies', 'bo_checkout_strategy', 104, $sum['strategies']);
        [$shipmentMem, $hw, $hi] = $this->read('bo_checkout_shipments', 'bo_checkout_shipment', 40, $sum['shipments']);
        [$itemMem, $iw] = $this->read('bo_checkout_shipment_items', 'bo_checkout_shipment_item', 32, $sum['items']);
        $windows = $this->windows();
        $block = $this->block;
        $base = $this->base;
        $gc = gc_enabled();
        if ($gc) {
            gc_disable();
        }
        try {
            // The same line and quantity in both strategies: one ShipmentItem (an item's line_id is its line's
            // string, at the same address).
            $items = [];
            $made = [];
            for ($m = 0, $count = $sum['items'], $w = 0; $m < $count; ++$m, $w += 4) {
                $p = $iw[$w + 1];
                $quantity = $iw[$w + 3];
                $items[] = $made[$p][$quantity] ??= new ShipmentItem(substr($block, $p - $base, $iw[$w + 2]), $quantity);
            }
            $shipments = [];
            for ($k = 0, $count = $sum['shipments'], $w = 0; $k < $count; ++$k, $w += 5) {
                $shipments[] = new Shipment(
                    array_slice($items, $hw[$w + 2], $hw[$w + 3]),
                    $windows[$hi[$w * 2 + 8]],
                    $windows[$hi[$w * 2 + 9]],
                    $hw[$w + 1],
                );
            }
            $strategies = [];
            for ($s = 0, $count = $sum['strategies'], $w = 0; $s < $count; ++$s, $w += 13) {
                $strategies[] = new Strategy(
                    substr($block, $o = $sw[$w + 1] - $base, strpos($block, "\0", $o) - $o),
                    array_slice($shipments, $sw[$w + 9], $sw[$w + 10]),
                    $sw[$w + 6],
                    $sw[$w + 7],
                    $sw[$w + 8],
                    $windows[$si[$w * 2 + 22]],
                    new Payment(
                        substr($block, $o = $sw[$w + 4] - $base, strpos($block, "\0", $o) - $o),
                        substr($sBytes, $s * 104 + 92, 10),
                        substr($block, $o = $sw[$w + 5] - $base, strpos($block, "\0", $o) - $o),
                    ),
                    substr($block, $sw[$w + 2] - $base, $sw[$w + 3]),
                );
            }
            return $strategies;
        } finally {
            if ($gc) {
                gc_enable();
            }
        }
    }

    /** @return list<Disclosure> */
    public function disclosures(): array
    {
        $n = $this->summary()['disclosures'];
        [$mem, $dw] = $this->read('bo_checkout_disclosures', 'bo_checkout_disclosure', 48, $n);
        $block = $this->block;
        $base = $this->base;
        $disclosures = [];
        for ($i = 0, $w = 0; $i < $n; ++$i, $w += 6) {
            $disclosures[] = new Disclosure(
                substr($block, $o = $dw[$w + 1] - $base, strpos($block, "\0", $o) - $o),
                substr($block, $dw[$w + 4] - $base, $dw[$w + 5]),
                $dw[$w + 3] === 0 ? null : (substr($block, $dw[$w + 2] - $base, $dw[$w + 3])),
            );
        }
        return $disclosures;
    }

    /** The plan's JSON (bo_checkout_json): the bytes the JSON checkout calls answer. */
    public function json(): string
    {
        $out = $this->ffi->new('char*');
        $len = $this->ffi->new('size_t');
        try {
            $this->check($this->ffi->bo_checkout_json(\FFI::addr($out), \FFI::addr($len), $this->handle->ptr));
            return \FFI::string($out, $len->cdata);
        } finally {
            $this->ffi->bo_free($out);
        }
    }

    /**
     * The plan's labels (the lines', then the alternatives'), with their skus and quantities.
     *
     * @param list<string> $skus
     * @param list<int> $quantities
     * @return list<Label>
     */
    private function labels(int $n, array $skus, array $quantities): array
    {
        $windows = $this->windows();
        $wordings = $this->wordings();
        // bo_checkout_label: words [1..4] sellable, ship_now, later, unavailable; int32 [10..13] wording,
        // now_window, later_window, notify_me
        [$mem, $w64, $w32] = $this->read('bo_checkout_labels', 'bo_checkout_label', 56, $n);
        $labels = [];
        for ($k = 0, $w = 0; $k < $n; ++$k, $w += 7) {
            $i = $w * 2;
            [$status, $code, $text, $short, $schemaOrg, $merchant, $date] = $wordings[$w32[$i + 10]];
            $now = $w32[$i + 11];
            $later = $w32[$i + 12];
            $labels[] = new Label(
                $skus[$k],
                $status,
                $code,
                $text,
                $short,
                $quantities[$k],
                $w64[$w + 1],
                $w64[$w + 2],
                $w64[$w + 3],
                $w64[$w + 4],
                $w32[$i + 13] !== 0,
                $now < 0 ? null : $windows[$now],
                $later < 0 ? null : $windows[$later],
                $schemaOrg,
                $merchant,
                $date,
            );
        }
        return $labels;
    }

    /** @return list<Window> the plan's windows, by index */
    private function windows(): array
    {
        if ($this->windows === null) {
            $n = $this->summary()['windows'];
            [$mem, , $w32, $bytes] = $this->read('bo_checkout_windows', 'bo_checkout_window', 40, $n);
            $windows = [];
            for ($k = 0, $i = 0, $o = 0; $k < $n; ++$k, $i += 10, $o += 40) {
                $windows[] = new Window(substr($bytes, $o + 16, 10), substr($bytes, $o + 27, 10), $w32[$i + 2], $w32[$i + 3]);
            }
            $this->windows = $windows;
        }
        return $this->windows;
    }

    /**
     * The words of the plan's labels, by index.
     *
     * @return list<array{string, int, string, string, string, string, ?string}> status, status code, text,
     *     short text, schema.org IRI, merchant availability, availability date
     */
    private function wordings(): array
    {
        $n = $this->summary()['wordings'];
        [$mem, $w64, $w32] = $this->read('bo_checkout_wordings', 'bo_checkout_wording', 56, $n);
        $block = $this->block;
        $base = $this->base;
        $wordings = [];
        for ($k = 0, $w = 0; $k < $n; ++$k, $w += 7) {
            $code = $w32[$w * 2 + 12];
            $date = substr($block, $o = $w64[$w + 5] - $base, strpos($block, "\0", $o) - $o);
            $wordings[] = [
                Label::STATUS_NAMES[$code] ?? (string) $code,
                $code,
                substr($block, $o = $w64[$w + 1] - $base, strpos($block, "\0", $o) - $o),
                substr($block, $o = $w64[$w + 2] - $base, strpos($block, "\0", $o) - $o),
                substr($block, $o = $w64[$w + 3] - $base, strpos($block, "\0", $o) - $o),
                substr($block, $o = $w64[$w + 4] - $base, strpos($block, "\0", $o) - $o),
                $date === '' ? null : $date,
            ];
        }
        return $wordings;
    }

    /**
     * @internal Elements [0, $n) of one of the plan's arrays: the memory (kept while its views are read), an
     * int64_t and an int32_t view of it, and a copy of its bytes.
     *
     * @return array{0: \FFI\CData|null, 1: \FFI\CData|null, 2: \FFI\CData|null, 3: string}
     */
    public function read(string $function, string $type, int $size, int $n): array
    {
        if ($n === 0) {
            return [null, null, null, ''];
        }
        $mem = $this->ffi->new("{$type}[$n]");
        \FFI::memcpy($mem, str_repeat(pack('Q', $size) . str_repeat("\0", $size - 8), $n), $n * $size);
        $this->check($this->ffi->$function($mem, $this->handle->ptr, 0, $n));
        $at = \FFI::addr($mem[0]);
        return [$mem, \FFI::cast('int64_t*', $at), \FFI::cast('int32_t*', $at), \FFI::string($mem, $n * $size)];
    }

    private function check(int $status): void
    {
        if ($status !== Constants::BO_OK) {
            throw Exception::fromLastError($this->ffi, $status);
        }
    }

    /** Checks once that FFI lays out the checkout structs as the offsets above say. */
    private static function checkLayout(\FFI $ffi): void
    {
        if (self::$layoutChecked) {
            return;
        }
        foreach (self::LAYOUT as $type => [$size, $offsets]) {
            $s = $ffi->new($type);
            $problem = \FFI::sizeof($s) !== $size ? 'sizeof is ' . \FFI::sizeof($s) . ", not $size" : null;
            $base = \FFI::cast('uintptr_t', \FFI::addr($s))->cdata;
            foreach ($offsets as $field => $offset) {
                $at = \FFI::cast('uintptr_t', \FFI::addr($s->$field))->cdata - $base;
                if ($at !== $offset) {
                    $problem ??= "$field is at $at, not $offset";
                }
            }
            if ($problem !== null) {
                throw new Exception(
                    "the generated FFI header's $type does not match Backorder\\CheckoutReader's offsets "
                    . "($problem): the binding must be updated together with backorder.h",
                );
            }
        }
        self::$layoutChecked = true;
    }
}
