<?php

// The engine's PHP batch vs plain PHP, side by side on the same generated catalog.
//
//   BACKORDER_LIBRARY=<build>/capi/libbackorder.so.1 taskset -c 1 php bench/compare_php.php \
//       --catalog=<build>/bench/catalog.json [--runs=5] [--json=out.json] [--policy=bench/policy.json]
//
// Times, on the same rows (decoded once with json_decode, as a shop would hold them):
//   engine          Backorder\Engine->labels($rows, now: ..., locale: ...) plus reading every row's status and
//                   text through the batch's columns: the rows converted (packed into bo_item) on every call
//   engine+objects  the same call, then a Backorder\Label object for every row ($batch->labels)
//   catalog         a Backorder\Catalog prepared once, outside the timing (as plain PHP has its rows in memory
//                   before timing): Engine->labels($catalog, ...) plus every row's status and text by column
//   catalog:call    the catalog's labels() call alone (bo_labeler_new + bo_labeler_run + free): the C floor
//   plain           bench/plain/labels.php: the same rules in plain PHP, one full label array per row
// Each is run --runs times after one warm-up; the median is reported as labels per second, with the ratio.
// The two are checked equal (every field of every label) before timing.

declare(strict_types=1);

require __DIR__ . '/plain/labels.php';
require dirname(__DIR__) . '/bindings/php/autoload.php';

const TARGET_RATIO = 10.0;

$o = ['catalog' => null, 'policy' => __DIR__ . '/policy.json', 'runs' => '5', 'json' => null];
foreach (array_slice($argv, 1) as $a) {
    if (!preg_match('/^--([a-z]+)=(.*)$/s', $a, $m) || !array_key_exists($m[1], $o)) {
        fwrite(STDERR, "usage: php bench/compare_php.php --catalog=FILE [--runs=N] [--json=FILE] [--policy=FILE]\n");
        exit(2);
    }
    $o[$m[1]] = $m[2];
}
if ($o['catalog'] === null) {
    fwrite(STDERR, "usage: php bench/compare_php.php --catalog=FILE [--runs=N] [--json=FILE] [--policy=FILE]\n");
    exit(2);
}
$runs = max(1, (int) $o['runs']);

$doc = json_decode(file_get_contents($o['catalog']), true, 16, JSON_THROW_ON_ERROR);
$rows = $doc['rows'];
$now = $doc['now'];
$locale = $doc['locale'] ?? 'en-US';
$policyJson = file_get_contents($o['policy']);
$engine = new Backorder\Engine($policyJson);
$policy = new PlainLabels\Policy(json_decode($policyJson, true, 16, JSON_THROW_ON_ERROR));

// Honesty first: both sides must say the same thing for every row.
$batch = $engine->labels($rows, locale: $locale, now: $now);
if ($batch->errors !== []) {
    fwrite(STDERR, 'engine refused rows: ' . json_encode(array_slice($batch->errors, 0, 3)) . "\n");
    exit(1);
}
$ours = PlainLabels\labels($policy, $rows, $now);
foreach ($batch->labels as $i => $label) {
    if ($label->toArray() !== $ours[$i]) {
        fwrite(STDERR, "plain PHP and the engine disagree at row $i: run bench/check_plain.php\n");
        exit(1);
    }
}
unset($batch, $ours);

$catalog = $engine->catalog($rows);
if ($catalog->errors() !== []) {
    fwrite(STDERR, 'the catalog refused rows: ' . json_encode(array_slice($catalog->errors(), 0, 3)) . "\n");
    exit(1);
}
// The prepared path must say exactly what the plain code says too (status and text of every row).
$check = $engine->labels($catalog, locale: $locale, now: $now);
$ours = PlainLabels\labels($policy, $rows, $now);
if ($check->statuses() !== array_column($ours, 'status') || $check->texts() !== array_column($ours, 'text')) {
    fwrite(STDERR, "plain PHP and the prepared catalog disagree: run bench/check_plain.php\n");
    exit(1);
}
unset($check, $ours);

$cases = [
    'engine' => static function () use ($engine, $rows, $locale, $now) {
        $b = $engine->labels($rows, locale: $locale, now: $now);
        return [$b->statuses(), $b->texts()];
    },
    'engine+objects' => static fn () => $engine->labels($rows, locale: $locale, now: $now)->labels,
    'catalog' => static function () use ($engine, $catalog, $locale, $now) {
        $b = $engine->labels($catalog, locale: $locale, now: $now);
        return [$b->statuses(), $b->texts()];
    },
    'catalog:call' => static fn () => $engine->labels($catalog, locale: $locale, now: $now),
    'plain' => static fn () => PlainLabels\labels($policy, $rows, $now),
];
$results = [];
foreach ($cases as $name => $fn) {
    gc_collect_cycles();
    $fn(); // warm-up
    $times = [];
    for ($r = 0; $r < $runs; ++$r) {
        $t0 = hrtime(true);
        $out = $fn();
        $times[] = (hrtime(true) - $t0) / 1e9;
        unset($out);
    }
    sort($times);
    $n = count($times);
    $median = $n % 2 ? $times[intdiv($n, 2)] : ($times[$n / 2 - 1] + $times[$n / 2]) / 2;
    $results[$name] = ['median_s' => $median, 'labels_per_s' => count($rows) / $median, 'runs_s' => $times];
}

$plainRate = $results['plain']['labels_per_s'];
printf("PHP %s (opcache.enable_cli=%s, JIT %s), %d rows, median of %d runs, now=%s, locale=%s\n",
    PHP_VERSION, ini_get('opcache.enable_cli') ?: '0', ini_get('opcache.jit') ?: 'off', count($rows), $runs, $now, $locale);
printf("%-16s %10s %14s %8s\n", 'case', 'median ms', 'labels/s', 'x plain');
foreach ($results as $name => &$r) {
    $r['ratio_vs_plain'] = $r['labels_per_s'] / $plainRate;
    printf("%-16s %10.1f %14s %8.1f\n", $name, $r['median_s'] * 1e3, number_format($r['labels_per_s']), $r['ratio_vs_plain']);
}
unset($r);
foreach (['engine', 'catalog'] as $name) {
    printf("target: %s >= %.0fx plain: %s\n", $name, TARGET_RATIO,
        $results[$name]['ratio_vs_plain'] >= TARGET_RATIO ? 'met' : 'MISSED');
}
if ($o['json'] !== null) {
    file_put_contents($o['json'], json_encode(['rows' => count($rows), 'runs' => $runs, 'php' => PHP_VERSION,
        'results' => $results], JSON_PRETTY_PRINT) . "\n");
}
