<?php

declare(strict_types=1);

namespace Backorder;

/**
 * A catalog prepared for labelling: its rows packed once into a bo_item array (and their skus into one char
 * buffer), both owned by this object, so that labelling it again costs only the C call. Load it once per
 * process (or request), change what moves between requests in place (setStock(), updateStock(),
 * setQuantity()), and label it as often as needed:
 *
 *     $catalog = $engine->catalog($rows);                 // bad rows are reported here, with their paths
 *     $catalog->updateStock(['JKT-NAVY-M' => ['on_hand' => 0, 'reserved' => 2]]);
 *     $batch = $engine->labels($catalog, locale: 'en-US', now: $now);
 *     foreach ($batch->texts() as $row => $text) { ... }   // one column, no Label objects
 *
 * Rows are the flat arrays of Engine::labels() (docs/php.md). A refused row keeps its place: it is listed in
 * errors() and labelled null in every batch. One thread at a time.
 */
final class Catalog implements \Countable
{
    /** Quantities and stock counts beyond this are refused (core's limit). */
    public const MAX_QUANTITY = 1_000_000_000_000;

    /** bo_item[n] */
    private \FFI\CData $items;
    /** char[]: every sku, back to back; the bo_items point into it */
    private \FFI\CData $skuBuf;
    /** row => sku ('' for a row refused before it had one) */
    private array $skus;
    /** row => quantity asked for */
    private array $quantities;
    /** row => its error, for the rows refused at preparation */
    private array $refused;
    /** sku => first row, built on first use */
    private ?array $rowBySku = null;
    /** initialised bo_label buffers given back by released batches */
    private array $spare = [];

    /**
     * @param list<array{row: int, sku: string, path: string, message: string, code: int}> $errors
     */
    private function __construct(
        private readonly int $count,
        \FFI\CData $items,
        \FFI\CData $skuBuf,
        array $skus,
        array $quantities,
        private array $errors,
    ) {
        $this->items = $items;
        $this->skuBuf = $skuBuf;
        $this->skus = $skus;
        $this->quantities = $quantities;
        $this->refused = array_column($errors, null, 'row');
    }

    /**
     * Packs rows (any iterable of the flat arrays of Engine::labels()). $quantity applies to rows without
     * their own "quantity". Checks what PHP can (types, unknown fields, required sku) and reports those rows in
     * errors(); what only the library checks (a lead time's min above its max, a bad release date) shows in
     * each batch's errors. Engine::catalog() checks both here.
     *
     * @param iterable<array> $rows
     */
    public static function fromRows(iterable $rows, int $quantity = 1): self
    {
        if ($quantity < 1) {
            throw Exception::invalid('quantity', 'must be at least 1');
        }
        Labeler::checkLayout(Library::ffi());
        $unset = Constants::BO_UNSET;
        $errors = [];
        $skus = [];
        $quantities = [];
        $offsets = [];  // row => offset of its sku in the sku buffer
        $bin = '';      // the bo_items, without their sku pointers
        $skuBytes = '';
        $skuLen = 0;
        $i = -1;
        $placeholder = pack(Labeler::ITEM_PACK, Labeler::ITEM_SIZE, 0, 0, $quantity, 0, 0, 0, 0, 0,
            $unset, $unset, $unset, $unset, '', 0);

        foreach ($rows as $row) {
            ++$i;
            $skus[$i] = '';
            $quantities[$i] = $quantity;
            if (!is_array($row)) {
                $errors[] = self::rowError($i, '', "rows[$i]", 'must be an array of item and stock fields');
                $bin .= $placeholder;
                continue;
            }
            $sku = $row['sku'] ?? null;
            if (!is_string($sku) || $sku === '') {
                $errors[] = self::rowError($i, is_scalar($sku) ? (string) $sku : '', "rows[$i].sku", 'required: a non-empty string');
                $bin .= $placeholder;
                continue;
            }
            $skus[$i] = $sku;
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
                    case 'category':
                    case 'supplier':
                        is_string($v) || $bad = [$key, 'must be a string'];
                        break;
                    case 'reorder_on':
                        // Used by promises beyond known supply, not by labels.
                        (is_string($v) && strlen($v) === 10) || $bad = [$key, 'must be a date YYYY-MM-DD'];
                        break;
                    case 'attributes':
                        // Used at checkout to find alternatives, not by labels.
                        is_array($v) || $bad = [$key, 'must be an object of text values'];
                        break;
                    case 'price':
                        (is_int($v) && $v >= 0) || $bad = [$key, 'must be an amount in minor units'];
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
                $bin .= $placeholder;
                continue;
            }
            $len = strlen($sku);
            // sku pointer: the offset for now, made an address once the buffer exists
            $bin .= pack(Labeler::ITEM_PACK, Labeler::ITEM_SIZE, $skuLen, $len, $qty, $onHand, $reserved,
                $safety, $promised, $backordered, $leadMin, $leadMax, $maxBo, $low, $release, $flags);
            $offsets[$i] = $skuLen;
            $skuBytes .= $sku;
            $skuLen += $len;
            $quantities[$i] = $qty;
        }

        $n = $i + 1;
        $ffi = Library::ffi();
        $skuBuf = \FFI::new('char[' . max(1, $skuLen) . ']');
        if ($skuLen > 0) {
            \FFI::memcpy($skuBuf, $skuBytes, $skuLen);
        }
        $items = $ffi->new('bo_item[' . max(1, $n) . ']');
        if ($n > 0) {
            \FFI::memcpy($items, $bin, $n * Labeler::ITEM_SIZE);
            // the sku pointers: one int64 write per row (8-byte words: the pointer is word 1 of 15)
            $base = \FFI::cast('uintptr_t', \FFI::addr($skuBuf[0]))->cdata;
            $words = \FFI::cast('int64_t*', \FFI::addr($items[0]));
            $stride = intdiv(Labeler::ITEM_SIZE, 8);
            foreach ($offsets as $row => $off) {
                $words[$row * $stride + 1] = $base + $off;
            }
        }
        return new self($n, $items, $skuBuf, $skus, $quantities, $errors);
    }

    public function count(): int
    {
        return $this->count;
    }

    /**
     * The rows refused at preparation, by row: their label is null in every batch.
     *
     * @return list<array{row: int, sku: string, path: string, message: string, code: int}>
     */
    public function errors(): array
    {
        return $this->errors;
    }

    public function hasErrors(): bool
    {
        return $this->errors !== [];
    }

    /** @return list<string> every row's sku, in order ('' for a row refused without one) */
    public function skus(): array
    {
        return $this->skus;
    }

    /** The row of a sku (its first row when it repeats), or null. */
    public function rowOf(string $sku): ?int
    {
        return $this->index()[$sku] ?? null;
    }

    /**
     * Changes a row's stock position in place; a null argument leaves that count as it is. Checked as the
     * library checks it (on_hand may be negative, an oversold item; the others may not), all or nothing.
     *
     * @throws Exception BO_EINVALID with the path "rows[3].reserved"; BO_ENOTFOUND for a row out of range
     */
    public function setStock(
        int $row,
        ?int $onHand = null,
        ?int $reserved = null,
        ?int $safetyStock = null,
        ?int $promised = null,
        ?int $backordered = null,
    ): void {
        $this->usableRow($row);
        $values = ['on_hand' => $onHand, 'reserved' => $reserved, 'safety_stock' => $safetyStock,
            'promised' => $promised, 'backordered' => $backordered];
        foreach ($values as $field => $v) {
            if ($v !== null) {
                self::checkCount($row, $field, $v);
            }
        }
        $item = $this->items[$row];
        foreach ($values as $field => $v) {
            if ($v !== null) {
                $item->$field = $v;
            }
        }
    }

    /**
     * Changes the stock of many rows by sku: ['SKU-1' => ['on_hand' => 3, 'reserved' => 1], ...] (the stock
     * fields of docs/json.md; a missing or null field is left as it is). A sku that repeats changes every
     * row that has it. Everything is checked before anything changes.
     *
     * @param array<string, array<string, int|null>> $bySku
     * @throws Exception BO_EINVALID with the path ("stock[\"SKU-1\"].reserved"), BO_ENOTFOUND for an unknown sku
     */
    public function updateStock(array $bySku): void
    {
        $fields = ['on_hand' => true, 'reserved' => true, 'safety_stock' => true, 'promised' => true, 'backordered' => true];
        $index = $this->index();
        $changes = [];
        foreach ($bySku as $sku => $stock) {
            $sku = (string) $sku;
            $path = 'stock[' . json_encode($sku, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) . ']';
            if (!isset($index[$sku])) {
                throw new Exception("unknown sku \"$sku\"", Constants::BO_ENOTFOUND, $path);
            }
            if (!is_array($stock)) {
                throw Exception::invalid($path, 'must be an array of stock fields');
            }
            foreach ($stock as $field => $v) {
                if (!isset($fields[$field])) {
                    throw Exception::invalid("$path.$field", 'unknown field');
                }
                if ($v === null) {
                    unset($stock[$field]);
                    continue;
                }
                if (!is_int($v)) {
                    throw Exception::invalid("$path.$field", 'must be an integer');
                }
                $problem = self::countProblem($field, $v);
                if ($problem !== null) {
                    throw Exception::invalid("$path.$field", $problem);
                }
            }
            $changes[$sku] = $stock;
        }
        foreach ($changes as $sku => $stock) {
            foreach ($this->rowsOf($sku) as $row) {
                $item = $this->items[$row];
                foreach ($stock as $field => $v) {
                    $item->$field = $v;
                }
            }
        }
    }

    /** Changes the quantity asked for in one row. */
    public function setQuantity(int $row, int $quantity): void
    {
        $this->usableRow($row);
        self::checkCount($row, 'quantity', $quantity);
        $this->items[$row]->quantity = $quantity;
        $this->quantities[$row] = $quantity;
    }

    /**
     * One row as the library sees it now: the flat row shape (fields at their "not given" value left out).
     */
    public function row(int $row): ?array
    {
        if ($row < 0 || $row >= $this->count) {
            throw new Exception("no row $row in a catalog of {$this->count}", Constants::BO_ENOTFOUND, "rows[$row]");
        }
        if (isset($this->refused[$row])) {
            return null;
        }
        $it = $this->items[$row];
        $unset = Constants::BO_UNSET;
        $out = ['sku' => $this->skus[$row]];
        if (($it->flags & Constants::BO_ITEM_BACKORDERS_SET) !== 0) {
            $out['backorders'] = ($it->flags & Constants::BO_ITEM_BACKORDERS_ALLOWED) !== 0;
        }
        if ($it->lead_min_days !== $unset) {
            $out['lead_time_days'] = ['min' => $it->lead_min_days, 'max' => $it->lead_max_days];
        }
        $release = \FFI::string($it->release_date);
        if ($release !== '') {
            $out['release_date'] = $release;
        }
        if (($it->flags & Constants::BO_ITEM_DISCONTINUED) !== 0) {
            $out['discontinued'] = true;
        }
        foreach (['max_backorder', 'low_stock_threshold'] as $f) {
            if ($it->$f !== $unset) {
                $out[$f] = $it->$f;
            }
        }
        foreach (['on_hand', 'reserved', 'safety_stock', 'promised', 'backordered', 'quantity'] as $f) {
            $out[$f] = $it->$f;
        }
        return $out;
    }

    /** @internal the bo_item array */
    public function items(): \FFI\CData
    {
        return $this->items;
    }

    /** @internal row => quantity (a PHP array value: a batch keeps the one it was labelled with) */
    public function quantities(): array
    {
        return $this->quantities;
    }

    /** @internal row => error of the rows refused at preparation */
    public function refused(): array
    {
        return $this->refused;
    }

    /** @internal a bo_label[count] buffer with struct_size set: a spare one, or a new one */
    public function takeLabels(): \FFI\CData
    {
        return array_pop($this->spare) ?? Labeler::newLabels($this->count);
    }

    /** @internal a released batch's buffer, for the next batch (every field is rewritten by bo_labeler_run) */
    public function giveBackLabels(\FFI\CData $labels): void
    {
        if (count($this->spare) < 2) {
            $this->spare[] = $labels;
        }
    }

    /**
     * @internal Marks rows the library refused (at Engine::catalog()): they keep their place, their item is
     * emptied so the library refuses it again, and the batch reports the error recorded here.
     *
     * @param list<array{row: int, sku: string, path: string, message: string, code: int}> $errors
     */
    public function refuse(array $errors): void
    {
        foreach ($errors as $e) {
            $this->items[$e['row']]->sku_len = 0;
            $this->refused[$e['row']] = $e;
        }
        $this->errors = array_values($this->refused);
        usort($this->errors, static fn (array $a, array $b): int => $a['row'] <=> $b['row']);
    }

    /** @return array<string, int|list<int>> */
    private function index(): array
    {
        if ($this->rowBySku === null) {
            $index = [];
            foreach ($this->skus as $row => $sku) {
                if ($sku === '' || isset($this->refused[$row])) {
                    continue;
                }
                if (!isset($index[$sku])) {
                    $index[$sku] = $row;
                } else {
                    $index[$sku] = [...(array) $index[$sku], $row];
                }
            }
            $this->rowBySku = $index;
        }
        return $this->rowBySku;
    }

    /** @return list<int> */
    private function rowsOf(string $sku): array
    {
        $rows = $this->index()[$sku] ?? [];
        return is_array($rows) ? $rows : [$rows];
    }

    private function usableRow(int $row): void
    {
        if ($row < 0 || $row >= $this->count) {
            throw new Exception("no row $row in a catalog of {$this->count}", Constants::BO_ENOTFOUND, "rows[$row]");
        }
        if (isset($this->refused[$row])) {
            throw Exception::invalid("rows[$row]", 'was refused when the catalog was prepared: ' . $this->refused[$row]['message']);
        }
    }

    private static function checkCount(int $row, string $field, int $v): void
    {
        $problem = self::countProblem($field, $v);
        if ($problem !== null) {
            throw Exception::invalid("rows[$row].$field", $problem);
        }
    }

    /** The library's limits (core's classify): on_hand may be negative (oversold), quantity at least 1. */
    private static function countProblem(string $field, int $v): ?string
    {
        if ($field === 'quantity' && $v < 1) {
            return 'must be at least 1';
        }
        $min = $field === 'on_hand' ? -self::MAX_QUANTITY : 0;
        if ($v > self::MAX_QUANTITY || $v < $min) {
            return $v < 0 && $min === 0 ? 'must not be negative' : 'out of range';
        }
        return null;
    }

    /** @internal */
    public static function rowError(int $row, string $sku, string $path, string $message, int $code = Constants::BO_EINVALID): array
    {
        return ['row' => $row, 'sku' => $sku, 'path' => $path, 'message' => $message, 'code' => $code];
    }
}
