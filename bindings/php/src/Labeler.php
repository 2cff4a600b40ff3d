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
 */
final class Labeler
{
    /** Rows sent to the library per call; the FFI arrays are allocated once per run() at this size at most. */
    public const CHUNK = 4096;

    /** Field names a row may have. */
    public const FIELDS = [
        'sku' => true, 'name' => true, 'backorders' => true, 'lead_time_days' => true, 'release_date' => true,
        'discontinued' => true, 'max_backorder' => true, 'low_stock_threshold' => true, 'on_hand' => true,
        'reserved' => true, 'safety_stock' => true, 'promised' => true, 'backordered' => true, 'quantity' => true,
    ];

    // bo_item and bo_label as packed bytes (LP64, native byte order). The layout is checked once against
    // what FFI read from the generated header (checkLayout); packing a whole chunk into one string and
    // copying it with one memcpy is many times faster than writing struct fields one by one through FFI.
    private const ITEM_SIZE = 120;
    private const ITEM_PACK = 'QQQqqqqqqqqqqa11xL';
    private const ITEM_OFFSETS = [
        'struct_size' => 0, 'sku' => 8, 'sku_len' => 16, 'quantity' => 24, 'on_hand' => 32, 'reserved' => 40,
        'safety_stock' => 48, 'promised' => 56, 'backordered' => 64, 'lead_min_days' => 72,
        'lead_max_days' => 80, 'max_backorder' => 88, 'low_stock_threshold' => 96, 'release_date' => 104,
        'flags' => 116,
    ];
    private const LABEL_SIZE = 168;
    // error, status; sellable, ship_now, later, unavailable; notify_me, now_min/max, later_min/max;
    // now_from, now_to, later_from, later_to; text, short_text, schema_org, merchant, availability_date,
    // error_message, error_path
    private const LABEL_UNPACK = 'x8/l2s/q4n/l5w/Z11a/Z11b/Z11c/Z11d/Q7p';
    private const LABEL_OFFSETS = [
        'struct_size' => 0, 'error' => 8, 'status' => 12, 'sellable' => 16, 'ship_now' => 24, 'later' => 32,
        'unavailable' => 40, 'notify_me' => 48, 'now_min_days' => 52, 'now_max_days' => 56,
        'later_min_days' => 60, 'later_max_days' => 64, 'now_from' => 68, 'now_to' => 79, 'later_from' => 90,
        'later_to' => 101, 'text' => 112, 'short_text' => 120, 'schema_org' => 128, 'merchant' => 136,
        'availability_date' => 144, 'error_message' => 152, 'error_path' => 160,
    ];
    private const SKU_BYTES = 262144;

    private static bool $layoutChecked = false;

    private readonly \FFI $ffi;
    /** bo_labeler*, owned */
    private ?\FFI\CData $handle = null;
    /** library string address => PHP string, for the current run */
    private array $strings = [];
    /** window bytes => Window, for the current run */
    private array $windows = [];

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
        if (!self::$layoutChecked) {
            self::checkLayout($ffi);
        }
        $locale ??= $engine->locale() ?? '';
        $ms = self::unixMillis($now);
        $out = $ffi->new('bo_labeler*');
        $status = $ffi->bo_labeler_new(\FFI::addr($out), $engine->handle(), $locale, strlen($locale), $ms);
        if ($status !== Constants::BO_OK) {
            throw Exception::fromLastError($ffi, $status);
        }
        $this->handle = $out;
    }

    public function __destruct()
    {
        $this->close();
    }

    /** Releases the C labeler. Further run() calls throw. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $this->ffi->bo_labeler_free($this->handle);
            $this->handle = null;
        }
    }

    /**
     * Labels rows (see the class comment). $quantity applies to rows without their own "quantity".
     *
     * @param iterable<array> $rows
     */
    public function run(iterable $rows, int $quantity = 1): LabelBatch
    {
        if ($this->handle === null) {
            throw new Exception('the labeler has been closed');
        }
        if ($quantity < 1) {
            throw Exception::invalid('quantity', 'must be at least 1');
        }
        $ffi = $this->ffi;
        $this->strings = [];
        $this->windows = [];
        // A batch makes many small acyclic objects; PHP's cycle collector would rescan all of them again
        // and again (each run slower than the last). Nothing here makes cycles, so it pauses for the run.
        $gc = gc_enabled();
        if ($gc) {
            gc_disable();
        }
        try {
            return $this->runRows($rows, $quantity);
        } finally {
            if ($gc) {
                gc_enable();
            }
        }
    }

    private function runRows(iterable $rows, int $quantity): LabelBatch
    {
        $ffi = $this->ffi;
        $cap = is_array($rows) ? max(1, min(count($rows), self::CHUNK)) : self::CHUNK;
        $items = $ffi->new("bo_item[$cap]");
        $out = $ffi->new("bo_label[$cap]");
        \FFI::memcpy($out, str_repeat(pack('Q', self::LABEL_SIZE) . str_repeat("\0", self::LABEL_SIZE - 8), $cap), $cap * self::LABEL_SIZE);
        $skuCap = self::SKU_BYTES;
        $skuBuf = \FFI::new("char[$skuCap]");
        $skuBase = \FFI::cast('uintptr_t', \FFI::addr($skuBuf[0]))->cdata;

        $labels = [];
        $errors = [];
        $bin = '';
        $skus = '';
        $skuLen = 0;
        $n = 0;
        $index = [];  // chunk position => row
        $names = [];  // chunk position => sku
        $qtys = [];   // chunk position => quantity
        $unset = Constants::BO_UNSET;
        $i = -1;

        foreach ($rows as $row) {
            ++$i;
            $labels[$i] = null;
            if (!is_array($row)) {
                $errors[] = self::rowError($i, '', "rows[$i]", 'must be an array of item and stock fields');
                continue;
            }
            $sku = $row['sku'] ?? null;
            if (!is_string($sku) || $sku === '') {
                $errors[] = self::rowError($i, is_scalar($sku) ? (string) $sku : '', "rows[$i].sku", 'required: a non-empty string');
                continue;
            }
            $bad = null;
            $qty = $quantity;
            $onHand = $reserved = $safety = $promised = $backordered = 0;
            $leadMin = $leadMax = $maxBo = $low = $unset;
            $release = '';
            $flags = 0;
            // one pass over the fields the row has (a switch on strings is a hash lookup)
            foreach ($row as $key => $v) {
                if ($v === null) {
                    continue; // not given
                }
                switch ($key) {
                    case 'sku':
                    case 'name':
                        is_string($v) || $bad = [$key, 'must be a string'];
                        break;
                    case 'on_hand':
                        is_int($v) ? $onHand = $v : $bad = [$key, 'must be an integer'];
                        break;
                    case 'reserved':
                        is_int($v) ? $reserved = $v : $bad = [$key, 'must be an integer'];
                        break;
                    case 'safety_stock':
                        is_int($v) ? $safety = $v : $bad = [$key, 'must be an integer'];
                        break;
                    case 'promised':
                        is_int($v) ? $promised = $v : $bad = [$key, 'must be an integer'];
                        break;
                    case 'backordered':
                        is_int($v) ? $backordered = $v : $bad = [$key, 'must be an integer'];
                        break;
                    case 'quantity':
                        is_int($v) ? $qty = $v : $bad = [$key, 'must be an integer'];
                        break;
                    case 'lead_time_days':
                        if (!is_array($v)) {
                            $bad = [$key, 'must be an object {"min": int, "max": int}'];
                        } elseif (!is_int($leadMin = $v['min'] ?? null)) {
                            $bad = ['lead_time_days.min', 'required: an integer'];
                        } elseif (!is_int($leadMax = $v['max'] ?? null)) {
                            $bad = ['lead_time_days.max', 'required: an integer'];
                        } elseif (count($v) !== 2) {
                            $bad = [$key, 'has fields other than min and max'];
                        }
                        break;
                    case 'max_backorder':
                        is_int($v) ? $maxBo = $v : $bad = [$key, 'must be an integer'];
                        break;
                    case 'low_stock_threshold':
                        is_int($v) ? $low = $v : $bad = [$key, 'must be an integer'];
                        break;
                    case 'backorders':
                        is_bool($v) ? $flags |= Constants::BO_ITEM_BACKORDERS_SET | ($v ? Constants::BO_ITEM_BACKORDERS_ALLOWED : 0)
                            : $bad = [$key, 'must be a boolean'];
                        break;
                    case 'discontinued':
                        is_bool($v) ? ($v && $flags |= Constants::BO_ITEM_DISCONTINUED) : $bad = [$key, 'must be a boolean'];
                        break;
                    case 'release_date':
                        (is_string($v) && strlen($v) === 10) ? $release = $v : $bad = [$key, 'must be a date YYYY-MM-DD'];
                        break;
                    default:
                        $bad = [$key, 'unknown field'];
                }
                if ($bad !== null) {
                    break;
                }
            }
            if ($bad !== null) {
                $errors[] = self::rowError($i, $sku, "rows[$i].$bad[0]", $bad[1]);
                continue;
            }

            $len = strlen($sku);
            if ($skuLen + $len > $skuCap) {
                if ($n > 0) {
                    $this->flush($items, $out, $n, $bin, $skuBuf, $skus, $index, $names, $qtys, $labels, $errors);
                    $bin = $skus = '';
                    $skuLen = $n = 0;
                    $index = $names = $qtys = [];
                }
                if ($len > $skuCap) {
                    $skuCap = $len;
                    $skuBuf = \FFI::new("char[$skuCap]");
                    $skuBase = \FFI::cast('uintptr_t', \FFI::addr($skuBuf[0]))->cdata;
                }
            }
            $bin .= pack(self::ITEM_PACK, self::ITEM_SIZE, $skuBase + $skuLen, $len, $qty, $onHand, $reserved,
                $safety, $promised, $backordered, $leadMin, $leadMax, $maxBo, $low, $release, $flags);
            $skus .= $sku;
            $skuLen += $len;
            $index[$n] = $i;
            $names[$n] = $sku;
            $qtys[$n] = $qty;
            if (++$n === $cap) {
                $this->flush($items, $out, $n, $bin, $skuBuf, $skus, $index, $names, $qtys, $labels, $errors);
                $bin = $skus = '';
                $skuLen = $n = 0;
                $index = $names = $qtys = [];
            }
        }
        if ($n > 0) {
            $this->flush($items, $out, $n, $bin, $skuBuf, $skus, $index, $names, $qtys, $labels, $errors);
        }
        if ($errors !== []) {
            usort($errors, static fn (array $a, array $b): int => $a['row'] <=> $b['row']);
        }
        return new LabelBatch($labels, $errors);
    }

    /** Sends one chunk through bo_labeler_run and turns the answers into Labels. */
    private function flush(
        \FFI\CData $items,
        \FFI\CData $out,
        int $n,
        string $bin,
        \FFI\CData $skuBuf,
        string $skus,
        array $index,
        array $names,
        array $qtys,
        array &$labels,
        array &$errors,
    ): void {
        $ffi = $this->ffi;
        if ($skus !== '') {
            \FFI::memcpy($skuBuf, $skus, strlen($skus));
        }
        \FFI::memcpy($items, $bin, $n * self::ITEM_SIZE);
        $status = $ffi->bo_labeler_run($out, $this->handle, $items, $n);
        if ($status !== Constants::BO_OK) {
            throw Exception::fromLastError($ffi, $status);
        }
        $raw = \FFI::string($out, $n * self::LABEL_SIZE);
        $strings = &$this->strings;
        $windows = &$this->windows;
        $statusNames = Label::STATUS_NAMES;
        for ($k = 0; $k < $n; ++$k) {
            $u = unpack(self::LABEL_UNPACK, $raw, $k * self::LABEL_SIZE);
            if ($u['s1'] !== 0) {
                $message = $u['p6'] === 0 ? '' : \FFI::string(\FFI::cast('char*', $u['p6']));
                $path = $u['p7'] === 0 ? '' : \FFI::string(\FFI::cast('char*', $u['p7']));
                $errors[] = self::rowError($index[$k], $names[$k], self::rowPath($index[$k], $path), $message, $u['s1']);
                continue;
            }
            $code = $u['s2'];
            $shipNow = $u['n2'];
            $later = $u['n3'];
            $date = $strings[$u['p5']] ??= self::cString($u['p5']);
            $labels[$index[$k]] = new Label(
                $names[$k],
                $statusNames[$code] ?? (string) $code,
                $code,
                $strings[$u['p1']] ??= self::cString($u['p1']),
                $strings[$u['p2']] ??= self::cString($u['p2']),
                $qtys[$k],
                $u['n1'],
                $shipNow,
                $later,
                $u['n4'],
                $u['w1'] !== 0,
                $shipNow > 0 ? ($windows["$u[a]$u[b]$u[w2],$u[w3]"] ??= new Window($u['a'], $u['b'], $u['w2'], $u['w3'])) : null,
                $later > 0 ? ($windows["$u[c]$u[d]$u[w4],$u[w5]"] ??= new Window($u['c'], $u['d'], $u['w4'], $u['w5'])) : null,
                $strings[$u['p3']] ??= self::cString($u['p3']),
                $strings[$u['p4']] ??= self::cString($u['p4']),
                $date === '' ? null : $date,
            );
        }
    }

    private static function cString(int $address): string
    {
        return $address === 0 ? '' : \FFI::string(\FFI::cast('char*', $address));
    }

    /** The library's path of a bad row, rewritten to name the row: "rows[3].lead_time_days.min". */
    private static function rowPath(int $row, string $path): string
    {
        $path = (string) preg_replace('/^(items\[\d+\]|item|stock)(\.|$)/', '', $path);
        return $path === '' ? "rows[$row]" : "rows[$row].$path";
    }

    private static function rowError(int $row, string $sku, string $path, string $message, int $code = Constants::BO_EINVALID): array
    {
        return ['row' => $row, 'sku' => $sku, 'path' => $path, 'message' => $message, 'code' => $code];
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
    private static function checkLayout(\FFI $ffi): void
    {
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
