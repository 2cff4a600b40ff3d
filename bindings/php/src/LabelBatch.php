<?php

declare(strict_types=1);

namespace Backorder;

/**
 * The answer of Engine::labels() / Labeler::run(): one entry per input row, in order, read lazily.
 *
 * The batch keeps the library's bo_label array (and the labeler that owns its texts) and reads only what is
 * asked: $batch[$i] builds row $i's Label (null when the row has an error), the column accessors (statuses(),
 * texts(), ...) read one field of every row without making any object, and $batch->labels builds every Label
 * at once (cached). $batch->errors lists the rows without a label.
 *
 * @property-read list<Label|null> $labels every row's Label (built on first read, then kept)
 * @property-read list<array{row: int, sku: string, path: string, message: string, code: int}> $errors
 * @implements \ArrayAccess<int, Label|null>
 * @implements \IteratorAggregate<int, Label|null>
 */
final class LabelBatch implements \ArrayAccess, \IteratorAggregate, \Countable
{
    private const WORDS = Labeler::LABEL_SIZE / 8;   // 8-byte words per bo_label
    private const INTS = Labeler::LABEL_SIZE / 4;    // 4-byte words per bo_label
    // word indexes of the fields read by column
    private const ERROR = 2;    // int32
    private const STATUS = 3;   // int32
    private const TEXT = 14;    // const char*, then short_text, schema_org, merchant, availability_date,
    private const ERROR_MESSAGE = 19; // error_message, error_path

    /** int32_t view of the bo_label array */
    private \FFI\CData $ints;
    /** int64_t view of the bo_label array */
    private \FFI\CData $words;
    private ?array $all = null;
    private ?array $errorList = null;

    /**
     * @internal Made by Labeler::run().
     *
     * @param \FFI\CData $out bo_label[$count] answered by bo_labeler_run
     * @param list<string> $skus
     * @param list<int> $quantities
     * @param array<int, array> $refused row => error, for rows refused before the library saw them
     * @param \WeakReference<Catalog> $catalog where the buffer goes back when the batch is released
     */
    public function __construct(
        private readonly \FFI\CData $out,
        private readonly int $count,
        private readonly LabelerHandle $labeler,
        private readonly array $skus,
        private readonly array $quantities,
        private readonly array $refused,
        private readonly \WeakReference $catalog,
    ) {
        $this->ints = \FFI::cast('int32_t*', \FFI::addr($out[0]));
        $this->words = \FFI::cast('int64_t*', \FFI::addr($out[0]));
    }

    public function __destruct()
    {
        $this->catalog->get()?->giveBackLabels($this->out);
    }

    public function __get(string $name): array
    {
        return match ($name) {
            'labels' => $this->all(),
            'errors' => $this->errors(),
            default => throw new \Error('Undefined property: ' . self::class . "::\$$name"),
        };
    }

    public function __isset(string $name): bool
    {
        return $name === 'labels' || $name === 'errors';
    }

    public function count(): int
    {
        return $this->count;
    }

    /** @return \Iterator<int, Label|null> row => Label, built as the loop reaches it */
    public function getIterator(): \Iterator
    {
        if ($this->all !== null) {
            return new \ArrayIterator($this->all);
        }
        return (function (): \Generator {
            for ($i = 0; $i < $this->count; ++$i) {
                yield $i => $this->label($i);
            }
        })();
    }

    public function offsetExists(mixed $offset): bool
    {
        return is_int($offset) && $offset >= 0 && $offset < $this->count;
    }

    public function offsetGet(mixed $offset): ?Label
    {
        if (!$this->offsetExists($offset)) {
            throw new \OutOfRangeException("no row " . var_export($offset, true) . " in a batch of {$this->count}");
        }
        return $this->all[$offset] ?? $this->label($offset);
    }

    public function offsetSet(mixed $offset, mixed $value): never
    {
        throw new \LogicException('a LabelBatch is read-only');
    }

    public function offsetUnset(mixed $offset): never
    {
        throw new \LogicException('a LabelBatch is read-only');
    }

    /** Row $row's Label, built from the library's answer now (null when the row has an error). */
    public function label(int $row): ?Label
    {
        if ($row < 0 || $row >= $this->count) {
            throw new \OutOfRangeException("no row $row in a batch of {$this->count}");
        }
        $r = $this->out[$row];
        if ($r->error !== 0 || isset($this->refused[$row])) {
            return null;
        }
        $code = $r->status;
        $shipNow = $r->ship_now;
        $later = $r->later;
        $date = self::cString($r->availability_date);
        return new Label(
            $this->skus[$row],
            Label::STATUS_NAMES[$code] ?? (string) $code,
            $code,
            self::cString($r->text),
            self::cString($r->short_text),
            $this->quantities[$row],
            $r->sellable,
            $shipNow,
            $later,
            $r->unavailable,
            $r->notify_me !== 0,
            $shipNow > 0 ? new Window(\FFI::string($r->now_from), \FFI::string($r->now_to), $r->now_min_days, $r->now_max_days) : null,
            $later > 0 ? new Window(\FFI::string($r->later_from), \FFI::string($r->later_to), $r->later_min_days, $r->later_max_days) : null,
            self::cString($r->schema_org),
            self::cString($r->merchant),
            $date === '' ? null : $date,
        );
    }

    /**
     * Every row's Label at once (null for a row with an error); built on first call, then kept. For a listing
     * prefer the columns: this makes one object per row (and one per distinct window).
     *
     * @return list<Label|null>
     */
    public function all(): array
    {
        return $this->all ??= $this->decodeAll();
    }

    /**
     * The rows without a label, by row: refused when the rows were packed (their path and message), or by the
     * library (its path, rewritten to name the row: "rows[3].lead_time_days").
     *
     * @return list<array{row: int, sku: string, path: string, message: string, code: int}>
     */
    public function errors(): array
    {
        if ($this->errorList === null) {
            $errors = [];
            $ints = $this->ints;
            $words = $this->words;
            for ($i = 0, $j = self::ERROR; $i < $this->count; ++$i, $j += self::INTS) {
                $code = $ints[$j];
                if ($code === 0 && !isset($this->refused[$i])) {
                    continue;
                }
                if (isset($this->refused[$i])) {
                    $errors[] = $this->refused[$i];
                    continue;
                }
                $w = $i * self::WORDS + self::ERROR_MESSAGE;
                $errors[] = Catalog::rowError($i, $this->skus[$i], self::rowPath($i, self::address($words[$w + 1])),
                    self::address($words[$w]), $code);
            }
            $this->errorList = $errors;
        }
        return $this->errorList;
    }

    public function hasErrors(): bool
    {
        return $this->errors() !== [];
    }

    /** @return list<string> every row's sku */
    public function skus(): array
    {
        return $this->skus;
    }

    /** @return list<int> every row's quantity asked for */
    public function quantities(): array
    {
        return $this->quantities;
    }

    /** @return list<int> every row's Constants::BO_AVAILABILITY_* (0 for a row with an error) */
    public function statusCodes(): array
    {
        $out = [];
        $ints = $this->ints;
        for ($i = 0, $j = self::STATUS; $i < $this->count; ++$i, $j += self::INTS) {
            $out[] = $ints[$j];
        }
        return $this->refused === [] ? $out : array_replace($out, array_fill_keys(array_keys($this->refused), 0));
    }

    /** @return list<string|null> every row's status ("backorder"; null for a row with an error) */
    public function statuses(): array
    {
        $names = Label::STATUS_NAMES;
        $out = [];
        $ints = $this->ints;
        for ($i = 0, $j = self::STATUS; $i < $this->count; ++$i, $j += self::INTS) {
            $out[] = $names[$ints[$j]] ?? null;
        }
        return $this->refused === [] ? $out : array_replace($out, array_fill_keys(array_keys($this->refused), null));
    }

    /** @return list<string|null> every row's text ("Backorder – ships in 10–14 days"; null: an error) */
    public function texts(): array
    {
        return $this->strings(0);
    }

    /** @return list<string|null> every row's short text ("Ships Dec 10 – 14"; null: an error) */
    public function shortTexts(): array
    {
        return $this->strings(1);
    }

    /** @return list<string|null> every row's schema.org availability IRI (null: an error) */
    public function schemaOrgs(): array
    {
        return $this->strings(2);
    }

    /** @return list<string|null> every row's Google Merchant availability ("backorder"; null: an error) */
    public function merchantAvailabilities(): array
    {
        return $this->strings(3);
    }

    /** @return list<string|null> every row's availability date (ISO 8601; null when it has none, or an error) */
    public function availabilityDates(): array
    {
        $out = $this->strings(4);
        foreach ($out as $i => $date) {
            if ($date === '') {
                $out[$i] = null;
            }
        }
        return $out;
    }

    /** @return list<array|null> every row's Label in the docs/json.md shape */
    public function toArray(): array
    {
        return array_map(static fn (?Label $l): ?array => $l?->toArray(), $this->all());
    }

    public function hasLabel(int $row): bool
    {
        return $this->offsetExists($row) && !isset($this->refused[$row]) && $this->ints[$row * self::INTS + self::ERROR] === 0;
    }

    /**
     * One string field of every row. The library shares one C string among the rows with the same wording,
     * so each distinct address is read once.
     *
     * @return list<string|null>
     */
    private function strings(int $field): array
    {
        $out = [];
        $seen = [];
        $words = $this->words;
        for ($i = 0, $j = self::TEXT + $field; $i < $this->count; ++$i, $j += self::WORDS) {
            $p = $words[$j];
            // x ^ (x >> 6) is one to one, and spreads aligned addresses over the hash table's buckets
            $out[] = $seen[$p ^ ($p >> 6)] ??= self::address($p);
        }
        foreach ($this->errors() as $e) {
            $out[$e['row']] = null;
        }
        return $out;
    }

    /** Every Label at once: one copy of the whole array, unpacked row by row, strings and windows shared. */
    private function decodeAll(): array
    {
        $n = $this->count;
        $labels = [];
        if ($n === 0) {
            return $labels;
        }
        $gc = gc_enabled();
        if ($gc) {
            gc_disable(); // many small acyclic objects: the cycle collector would rescan them again and again
        }
        try {
            $strings = [];
            $windows = [];
            $statusNames = Label::STATUS_NAMES;
            $chunk = 4096; // copied out a chunk at a time: small strings stay in cache, no huge allocation
            for ($k = 0; $k < $n; ++$k) {
                if ($k % $chunk === 0) {
                    $raw = \FFI::string(\FFI::addr($this->out[$k]), min($chunk, $n - $k) * Labeler::LABEL_SIZE);
                }
                $u = unpack(Labeler::LABEL_UNPACK, $raw, ($k % $chunk) * Labeler::LABEL_SIZE);
                if ($u['s1'] !== 0 || isset($this->refused[$k])) {
                    $labels[$k] = null;
                    continue;
                }
                $code = $u['s2'];
                $shipNow = $u['n2'];
                $later = $u['n3'];
                $date = $strings[$u['p5']] ??= self::address($u['p5']);
                $labels[$k] = new Label(
                    $this->skus[$k],
                    $statusNames[$code] ?? (string) $code,
                    $code,
                    $strings[$u['p1']] ??= self::address($u['p1']),
                    $strings[$u['p2']] ??= self::address($u['p2']),
                    $this->quantities[$k],
                    $u['n1'],
                    $shipNow,
                    $later,
                    $u['n4'],
                    $u['w1'] !== 0,
                    $shipNow > 0 ? ($windows["$u[a]$u[b]$u[w2],$u[w3]"] ??= new Window($u['a'], $u['b'], $u['w2'], $u['w3'])) : null,
                    $later > 0 ? ($windows["$u[c]$u[d]$u[w4],$u[w5]"] ??= new Window($u['c'], $u['d'], $u['w4'], $u['w5'])) : null,
                    $strings[$u['p3']] ??= self::address($u['p3']),
                    $strings[$u['p4']] ??= self::address($u['p4']),
                    $date === '' ? null : $date,
                );
            }
        } finally {
            if ($gc) {
                gc_enable();
            }
        }
        return $labels;
    }

    /** A const char* field as FFI reads it: a PHP string, or null for NULL. */
    private static function cString(?string $s): string
    {
        return $s ?? '';
    }

    /** The NUL-terminated string at a library address ('' for NULL). */
    private static function address(int $address): string
    {
        return $address === 0 ? '' : \FFI::string(\FFI::cast('char*', $address));
    }

    /** The library's path of a bad row ("items[3].lead_time_days"), rewritten to name the row: "rows[3].lead_time_days". */
    private static function rowPath(int $row, string $path): string
    {
        $path = (string) preg_replace('/^(items\[\d+\]|item|stock)(\.|$)/', '', $path);
        return $path === '' ? "rows[$row]" : "rows[$row].$path";
    }
}
