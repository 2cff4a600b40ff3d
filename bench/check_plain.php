<?php

// Checks that the plain-PHP labels (bench/plain/labels.php) agree with the engine, row by row.
//
//   BACKORDER_LIBRARY=<build>/capi/libbackorder.so.1 php bench/check_plain.php --catalog=<build>/bench/catalog.json
//   php bench/check_plain.php --catalog=FILE --dump=<build>/bench/bench_labels_dump
//
// Compares every field of every label (status, text, short_text, quantities, notify_me, windows, schema.org,
// merchant availability and date) for en-US, over the catalog's `now` and a few harder moments, under
// bench/policy.json and bench/policy_business.json. The engine side is the PHP binding (Backorder\Engine,
// bindings/php/autoload.php; BACKORDER_LIBRARY names the library), or with --dump the reference tool
// bench_labels_dump (core's labels as JSON lines) when the binding cannot be used.
// Options: --policy=FILE and --now=ISO (repeatable), --limit=N, --show=N. Exit status 1 on any mismatch.

declare(strict_types=1);

require __DIR__ . '/plain/labels.php';

const EXTRA_NOWS = [
    '2026-11-30T09:00:00-05:00', // Monday morning, before the cut-off
    '2026-11-28T12:00:00Z',      // Saturday
    '2026-12-24T10:00:00-05:00', // a holiday
    '2026-12-31T13:59:00-05:00', // a minute before the cut-off, the year's last day
    '2027-03-14T01:30:00-05:00', // the US DST change (a Sunday)
    '2027-03-27T23:30:00Z',      // the night the UK changes to summer time
];

function options(array $argv): array
{
    $o = ['catalog' => null, 'dump' => null, 'policy' => [], 'now' => [], 'limit' => 0, 'show' => 10];
    foreach (array_slice($argv, 1) as $a) {
        if (!preg_match('/^--([a-z]+)=(.*)$/s', $a, $m) || !array_key_exists($m[1], $o)) {
            fwrite(STDERR, "unknown argument: $a\n");
            exit(2);
        }
        if (is_array($o[$m[1]])) {
            $o[$m[1]][] = $m[2];
        } else {
            $o[$m[1]] = $m[2];
        }
    }
    if ($o['catalog'] === null) {
        fwrite(STDERR, "usage: php bench/check_plain.php --catalog=FILE [--dump=bench_labels_dump] ...\n");
        exit(2);
    }
    return $o;
}

/** Differences between the engine's label and ours, as "path: engine X, plain Y" lines. */
function diff(mixed $e, mixed $p, string $path = ''): array
{
    if (is_array($e) && is_array($p)) {
        $out = [];
        $keys = array_unique(array_merge(array_keys($e), array_keys($p)));
        sort($keys);
        foreach ($keys as $k) {
            $out = array_merge($out, diff(
                array_key_exists($k, $e) ? $e[$k] : '<absent>',
                array_key_exists($k, $p) ? $p[$k] : '<absent>',
                $path === '' ? (string) $k : "$path.$k",
            ));
        }
        return $out;
    }
    return $e === $p ? [] : ["$path: engine " . json_encode($e, JSON_UNESCAPED_UNICODE) . ', plain '
        . json_encode($p, JSON_UNESCAPED_UNICODE)];
}

/** The engine's labels as docs/json.md arrays. */
function engine_labels(array $o, string $policyPath, array $rows, string $now, string $catalogPath): array
{
    if ($o['dump'] !== null) {
        $cmd = escapeshellarg($o['dump']) . ' ' . escapeshellarg("--catalog=$catalogPath") . ' '
            . escapeshellarg("--policy=$policyPath") . ' ' . escapeshellarg("--now=$now") . ' --locale=en-US';
        $lines = [];
        exec($cmd, $lines, $rc);
        if ($rc !== 0) {
            fwrite(STDERR, "$cmd failed ($rc)\n");
            exit(1);
        }
        $out = [];
        foreach ($lines as $line) {
            $out[] = json_decode($line, true, 16, JSON_THROW_ON_ERROR);
        }
        return array_slice($out, 0, count($rows));
    }
    static $engines = [];
    $engine = $engines[$policyPath] ??= new Backorder\Engine($policyPath);
    $batch = $engine->labels($rows, locale: 'en-US', now: $now);
    if ($batch->errors !== []) {
        fwrite(STDERR, 'engine refused rows: ' . json_encode(array_slice($batch->errors, 0, 3)) . "\n");
        exit(1);
    }
    return array_map(static fn (Backorder\Label $l): array => $l->toArray(), $batch->labels);
}

$o = options($argv);
if ($o['dump'] === null) {
    require dirname(__DIR__) . '/bindings/php/autoload.php';
}
$doc = json_decode(file_get_contents($o['catalog']), true, 16, JSON_THROW_ON_ERROR);
$rows = $o['limit'] > 0 ? array_slice($doc['rows'], 0, (int) $o['limit']) : $doc['rows'];
$nows = $o['now'] ?: array_merge([$doc['now']], EXTRA_NOWS);
$policies = $o['policy'] ?: [__DIR__ . '/policy.json', __DIR__ . '/policy_business.json'];

$bad = 0;
$total = 0;
foreach ($policies as $policyPath) {
    $policy = new PlainLabels\Policy(json_decode(file_get_contents($policyPath), true, 16, JSON_THROW_ON_ERROR));
    foreach ($nows as $now) {
        $engine = engine_labels($o, $policyPath, $rows, $now, $o['catalog']);
        $ours = PlainLabels\labels($policy, $rows, $now);
        if (count($engine) !== count($ours)) {
            fwrite(STDERR, 'engine gave ' . count($engine) . ' labels for ' . count($ours) . " rows\n");
            exit(1);
        }
        foreach ($ours as $i => $p) {
            $d = diff($engine[$i], $p);
            ++$total;
            if ($d !== []) {
                if (++$bad <= (int) $o['show']) {
                    echo 'MISMATCH ' . basename($policyPath) . " now=$now row $i " . json_encode($rows[$i]) . "\n";
                    foreach ($d as $line) {
                        echo "    $line\n";
                    }
                }
            }
        }
    }
}
$source = $o['dump'] !== null ? 'bench_labels_dump' : 'Backorder\\Engine';
printf(
    "plain PHP vs engine (%s): %d/%d labels %s (%d rows x %d moments x %d policies)\n",
    $source,
    $total - $bad,
    $total,
    $bad === 0 ? 'agree' : 'DISAGREE',
    count($rows),
    count($nows),
    count($policies),
);
exit($bad === 0 ? 0 : 1);
