<?php

// Availability labels in plain PHP 8.2: what a shop would write itself instead of using the engine.
//
// No extension beyond PHP's core (no intl, no FFI). The same rules as the engine (docs/policy.md, "How the
// dates are computed"; core/src/availability.cpp), English (en-US) text only, byte for byte what the engine
// says, including ICU's date-range format for en-US ("Dec 10\u{2009}–\u{2009}14": thin spaces around the
// en dash).
//
//     require 'bench/plain/labels.php';
//     $policy = new PlainLabels\Policy(json_decode(file_get_contents('bench/policy.json'), true));
//     $out = PlainLabels\labels($policy, $rows, '2026-11-30T15:30:00-05:00'); // one array per row (docs/json.md)
//
// Rows are flat arrays of item and stock fields (sku, on_hand, reserved, safety_stock, promised, backordered,
// lead_time_days [min, max], release_date, discontinued, backorders, max_backorder, low_stock_threshold,
// quantity). A bad row throws InvalidArgumentException. Policy "messages" overrides are not supported.
//
// The comparison baseline for bench/compare_php.php, checked against the engine by bench/check_plain.php.
// Civil dates are day numbers (days since 1970-01-01), the cheap and common way in PHP; per-batch work
// (today, the order day, the in-stock ship day) is done once.

declare(strict_types=1);

namespace PlainLabels;

const WEEKDAYS = ['sun' => 0, 'mon' => 1, 'tue' => 2, 'wed' => 3, 'thu' => 4, 'fri' => 5, 'sat' => 6];
const MONTH_SHORT = ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_LONG = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];
const DASH = "\u{2009}\u{2013}\u{2009}"; // ICU 72 / CLDR 42 en: thin space, en dash, thin space
const SCHEMA = [
    'in_stock' => 'https://schema.org/InStock',
    'low_stock' => 'https://schema.org/LimitedAvailability',
    'backorder' => 'https://schema.org/BackOrder',
    'preorder' => 'https://schema.org/PreOrder',
    'out_of_stock' => 'https://schema.org/OutOfStock',
    'discontinued' => 'https://schema.org/Discontinued',
];
const MERCHANT = [
    'in_stock' => 'in_stock', 'low_stock' => 'in_stock', 'backorder' => 'backorder', 'preorder' => 'preorder',
    'out_of_stock' => 'out_of_stock', 'discontinued' => 'out_of_stock',
];
const CODE = ['in_stock' => 1, 'low_stock' => 2, 'backorder' => 3, 'preorder' => 4, 'out_of_stock' => 5,
    'discontinued' => 6];

/** A civil date "YYYY-MM-DD" as days since 1970-01-01. */
function day_of(string $iso): int
{
    if (!preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $iso, $m) || !checkdate((int) $m[2], (int) $m[3], (int) $m[1])) {
        throw new \InvalidArgumentException("not a date: $iso");
    }
    return intdiv(gmmktime(0, 0, 0, (int) $m[2], (int) $m[3], (int) $m[1]), 86400);
}

/** [year, month, day] of a day number. */
function ymd(int $d): array
{
    return array_map('intval', explode('-', gmdate('Y-n-j', $d * 86400)));
}

function iso(int $d): string
{
    return gmdate('Y-m-d', $d * 86400);
}

final class Policy
{
    public \DateTimeZone $zone;
    /** @var array<int, bool> weekday (0 = Sunday) => working */
    public array $working = [];
    /** @var array<int, bool> day number => holiday */
    public array $holidays = [];
    public int $cutoffMinutes;
    public int $handlingDays;
    public int $lowStockThreshold;
    public bool $backorders;
    public ?int $maxBackorder;
    public int $leadMin;
    public int $leadMax;
    public bool $businessDays;

    public function __construct(array $doc)
    {
        if (!empty($doc['messages'])) {
            throw new \InvalidArgumentException('plain labels: message overrides are not supported');
        }
        $cal = $doc['calendar'] ?? [];
        $av = $doc['availability'] ?? [];
        $this->zone = new \DateTimeZone($cal['time_zone']);
        foreach ($cal['working_days'] ?? ['mon', 'tue', 'wed', 'thu', 'fri'] as $w) {
            $this->working[WEEKDAYS[$w]] = true;
        }
        foreach ($cal['holidays'] ?? [] as $h) {
            $this->holidays[day_of($h)] = true;
        }
        [$hh, $mm] = explode(':', $cal['cutoff'] ?? '24:00');
        $this->cutoffMinutes = (int) $hh * 60 + (int) $mm;
        $this->handlingDays = (int) ($cal['handling_days'] ?? 0);
        $this->lowStockThreshold = (int) ($av['low_stock_threshold'] ?? 5);
        $this->backorders = (bool) ($av['backorders'] ?? true);
        $this->maxBackorder = isset($av['max_backorder']) ? (int) $av['max_backorder'] : null;
        $lead = $av['lead_time_days'] ?? ['min' => 10, 'max' => 14];
        $this->leadMin = (int) $lead['min'];
        $this->leadMax = (int) $lead['max'];
        $this->businessDays = ($av['day_unit'] ?? 'calendar') === 'business';
    }

    public function isWorking(int $d): bool
    {
        // 1970-01-01 was a Thursday (4).
        return isset($this->working[($d + 4) % 7]) && !isset($this->holidays[$d]);
    }

    public function nextWorking(int $d): int
    {
        while (!$this->isWorking($d)) {
            ++$d;
        }
        return $d;
    }

    public function addBusinessDays(int $d, int $n): int
    {
        while ($n > 0) {
            ++$d;
            if ($this->isWorking($d)) {
                --$n;
            }
        }
        return $d;
    }

    /** Working days in (a, b]. */
    public function businessDaysBetween(int $a, int $b): int
    {
        $n = 0;
        while ($a < $b) {
            ++$a;
            if ($this->isWorking($a)) {
                ++$n;
            }
        }
        return $n;
    }

    /** "2026-12-10T00:00:00-05:00": the start of day $d in the store's zone. */
    public function midnightIso(int $d): string
    {
        return (new \DateTimeImmutable(iso($d), $this->zone))->format('Y-m-d\TH:i:sP');
    }
}

/** What a batch computes once. */
final class Today
{
    public int $day;
    public int $year;
    public int $orderDay;
    public int $stockShipDay;

    public function __construct(Policy $p, string $now)
    {
        $local = (new \DateTimeImmutable($now))->setTimezone($p->zone);
        $this->day = day_of($local->format('Y-m-d'));
        $this->year = (int) $local->format('Y');
        $minutes = (int) $local->format('G') * 60 + (int) $local->format('i');
        $this->orderDay = $p->isWorking($this->day) && $minutes < $p->cutoffMinutes
            ? $this->day : $p->nextWorking($this->day + 1);
        $this->stockShipDay = $p->addBusinessDays($this->orderDay, $p->handlingDays);
    }
}

// ---- English text, as ICU formats it for en-US ---------------------------------------------------------

function num(int $n): string
{
    return number_format($n);
}

function days(int $n, bool $business): string
{
    $unit = $business ? 'business day' : 'day';
    return num($n) . ' ' . ($n === 1 ? $unit : $unit . 's');
}

function short_date(Today $t, int $d): string
{
    [$y, $m, $dd] = ymd($d);
    return $y === $t->year ? MONTH_SHORT[$m] . " $dd" : MONTH_SHORT[$m] . " $dd, $y";
}

function long_date(Today $t, int $d): string
{
    [$y, $m, $dd] = ymd($d);
    return $y === $t->year ? MONTH_LONG[$m] . " $dd" : MONTH_LONG[$m] . " $dd, $y";
}

/** ICU DateIntervalFormat, skeleton MMMd (this year) or yMMMd, en-US. */
function date_range(Today $t, int $a, int $b): string
{
    if ($a === $b) {
        return short_date($t, $a);
    }
    [$ya, $ma, $da] = ymd($a);
    [$yb, $mb, $db] = ymd($b);
    if ($ya === $t->year && $yb === $t->year) {
        return $ma === $mb ? MONTH_SHORT[$ma] . " $da" . DASH . $db
            : MONTH_SHORT[$ma] . " $da" . DASH . MONTH_SHORT[$mb] . " $db";
    }
    if ($ya !== $yb) {
        return MONTH_SHORT[$ma] . " $da, $ya" . DASH . MONTH_SHORT[$mb] . " $db, $yb";
    }
    return $ma === $mb ? MONTH_SHORT[$ma] . " $da" . DASH . "$db, $ya"
        : MONTH_SHORT[$ma] . " $da" . DASH . MONTH_SHORT[$mb] . " $db, $ya";
}

// ---- the rules -----------------------------------------------------------------------------------------

function int_field(array $row, string $key, int $default = 0): int
{
    $v = $row[$key] ?? null;
    if ($v === null) {
        return $default;
    }
    if (!is_int($v)) {
        throw new \InvalidArgumentException("$key: expected an integer");
    }
    return $v;
}

function days_from_today(Policy $p, Today $t, int $d): int
{
    return $p->businessDays ? $p->businessDaysBetween($t->day, $d) : $d - $t->day;
}

function window(Policy $p, Today $t, int $a, int $b): array
{
    return ['from' => iso($a), 'to' => iso($b), 'min_days' => days_from_today($p, $t, $a),
        'max_days' => days_from_today($p, $t, $b)];
}

function label(Policy $p, Today $t, array $row): array
{
    $sku = $row['sku'] ?? null;
    if (!is_string($sku) || $sku === '') {
        throw new \InvalidArgumentException('sku: required');
    }
    $quantity = int_field($row, 'quantity', 1);
    if ($quantity < 1) {
        throw new \InvalidArgumentException('quantity: must be at least 1');
    }
    $onHand = int_field($row, 'on_hand');
    $reserved = int_field($row, 'reserved');
    $safety = int_field($row, 'safety_stock');
    $promised = int_field($row, 'promised');
    $backordered = int_field($row, 'backordered');
    if (min($reserved, $safety, $promised, $backordered) < 0) {
        throw new \InvalidArgumentException('stock: quantities must not be negative');
    }
    $lead = $row['lead_time_days'] ?? null;
    [$lo, $hi] = $lead !== null ? [$lead['min'], $lead['max']] : [$p->leadMin, $p->leadMax];
    if ($lo < 0 || $hi > 3650 || $lo > $hi) {
        throw new \InvalidArgumentException('lead_time_days: must be 0 <= min <= max <= 3650');
    }
    $cap = $row['max_backorder'] ?? $p->maxBackorder;
    $threshold = int_field($row, 'low_stock_threshold', $p->lowStockThreshold);
    $discontinued = ($row['discontinued'] ?? false) === true;
    $backordersAllowed = $row['backorders'] ?? $p->backorders;

    $sellable = max(0, $onHand - $reserved - $safety - $promised);
    $capacity = $cap === null ? null : max(0, $cap - $backordered); // null: no cap
    $shipNow = $later = 0;
    $nowWindow = $laterWindow = null;
    $availabilityDate = null;
    $notifyMe = false;

    $release = isset($row['release_date']) ? day_of($row['release_date']) : null;
    // A discontinued item is never offered as a pre-order. (The engine, as of this writing, pre-orders a
    // discontinued item with a future release date; that is reported as an engine bug in docs/bench.md, and
    // the generated catalog has no such row.)
    if ($release !== null && $release > $t->day && !$discontinued) {
        // Pre-order: ships on its release day (or the next working day), never before.
        $later = $capacity === null ? $quantity : min($quantity, $capacity);
        $unavailable = $quantity - $later;
        if ($later === 0) {
            $status = 'out_of_stock';
            $notifyMe = true;
            $text = $short = 'Out of stock';
        } else {
            $status = 'preorder';
            $notifyMe = $unavailable > 0;
            $ship = $p->nextWorking(max($release, $t->orderDay));
            $laterWindow = window($p, $t, $ship, $ship);
            $date = long_date($t, $ship);
            $text = "Pre-order – ships on $date";
            $short = "Ships $date";
            $availabilityDate = $p->midnightIso($ship);
        }
    } else {
        $shipNow = min($quantity, $sellable);
        $rest = $quantity - $shipNow;
        if (!$discontinued && $backordersAllowed) {
            $later = $capacity === null ? $rest : min($rest, $capacity);
        }
        $unavailable = $rest - $later;
        $notifyMe = !$discontinued && $shipNow < $quantity;
        if ($shipNow > 0) {
            $nowWindow = window($p, $t, $t->stockShipDay, $t->stockShipDay);
        }
        if ($later > 0) {
            $status = 'backorder';
            if ($p->businessDays) {
                $a = $p->addBusinessDays($t->orderDay, $lo);
                $b = $p->addBusinessDays($t->orderDay, $hi);
            } else { // calendar days, but the warehouse only ships on working days
                $a = $p->nextWorking($t->orderDay + $lo);
                $b = $p->nextWorking($t->orderDay + $hi);
            }
            $laterWindow = window($p, $t, $a, $b);
            $mn = $laterWindow['min_days'];
            $mx = $laterWindow['max_days'];
            $dates = date_range($t, $a, $b);
            if ($shipNow > 0) {
                $text = num($shipNow) . ' ship now, ' . num($later) . " on backorder (ships $dates)";
            } elseif ($mn === $mx) {
                $text = 'Backorder – ships in ' . days($mx, $p->businessDays);
            } else {
                $text = 'Backorder – ships in ' . num($mn) . '–' . days($mx, $p->businessDays);
            }
            $short = "Ships $dates";
            $availabilityDate = $p->midnightIso($a);
        } elseif ($shipNow === 0) {
            $status = $discontinued ? 'discontinued' : 'out_of_stock';
            $text = $short = $discontinued ? 'Discontinued' : 'Out of stock';
        } elseif ($threshold > 0 && $sellable <= $threshold) {
            $status = 'low_stock';
            $text = 'Only ' . num($sellable) . ' left';
            $short = num($sellable) . ' left';
        } else {
            $status = 'in_stock';
            $text = $short = 'In stock';
        }
    }

    $merchant = ['availability' => MERCHANT[$status]];
    if ($availabilityDate !== null) {
        $merchant['availability_date'] = $availabilityDate;
    }
    return [
        'sku' => $sku,
        'status' => $status,
        'status_code' => CODE[$status],
        'text' => $text,
        'short_text' => $short,
        'quantity' => $quantity,
        'sellable' => $sellable,
        'ship_now' => $shipNow,
        'later' => $later,
        'unavailable' => $unavailable,
        'notify_me' => $notifyMe,
        'now_window' => $nowWindow,
        'later_window' => $laterWindow,
        'schema_org' => SCHEMA[$status],
        'merchant' => $merchant,
    ];
}

/**
 * One label array (docs/json.md) per row, at $now (ISO 8601 with an offset).
 *
 * @param iterable<array> $rows
 * @return list<array>
 */
function labels(Policy $p, iterable $rows, string $now): array
{
    $t = new Today($p, $now);
    $out = [];
    foreach ($rows as $row) {
        $out[] = label($p, $t, $row);
    }
    return $out;
}
