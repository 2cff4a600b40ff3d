<?php

// Where the PHP batch's time goes: the phases of Backorder\Engine->labels() timed apart, on the same catalog.
//
//   BACKORDER_LIBRARY=<build>/capi/libbackorder.so.1 taskset -c 1 php bench/php_breakdown.php \
//       --catalog=<build>/bench/catalog.json [--policy=bench/policy.json]
//
// Diagnostic only (docs/bench.md): it re-does the binding's steps by hand through its FFI handle
// (Backorder\Library::ffi(), Engine::handle(), both @internal), so it shows the floor a PHP binding that
// marshals row by row cannot go under: packing rows into bo_item bytes, the C call bo_labeler_run itself,
// reading the bo_label bytes back, and making one PHP object per label.
// Then the same for the binding's own paths: preparing a Backorder\Catalog (once), labelling it (the C call
// through the binding), and reading the lazy batch by column or as Label objects.

declare(strict_types=1);

require dirname(__DIR__) . '/bindings/php/autoload.php';

$o = ['catalog' => null, 'policy' => __DIR__ . '/policy.json'];
foreach (array_slice($argv, 1) as $a) {
    if (!preg_match('/^--([a-z]+)=(.*)$/s', $a, $m) || !array_key_exists($m[1], $o)) {
        fwrite(STDERR, "usage: php bench/php_breakdown.php --catalog=FILE [--policy=FILE]\n");
        exit(2);
    }
    $o[$m[1]] = $m[2];
}
$doc = json_decode(file_get_contents((string) $o['catalog']), true, 16, JSON_THROW_ON_ERROR);
$rows = $doc['rows'];
$n = count($rows);
$engine = new Backorder\Engine(file_get_contents($o['policy']));
$ffi = Backorder\Library::ffi();
$ms = (new DateTimeImmutable($doc['now']))->getTimestamp() * 1000;
$locale = $doc['locale'] ?? 'en-US';
$unset = Backorder\Constants::BO_UNSET;

function ms(int $ns): string
{
    return sprintf('%8.1f ms', $ns / 1e6);
}

gc_disable();
$skus = implode('', array_column($rows, 'sku'));
$skuBuf = FFI::new('char[' . strlen($skus) . ']', false);
FFI::memcpy($skuBuf, $skus, strlen($skus));
$base = FFI::cast('uintptr_t', FFI::addr($skuBuf[0]))->cdata;

$t0 = hrtime(true);
$bin = '';
$off = 0;
foreach ($rows as $r) {
    $len = strlen($r['sku']);
    $lead = $r['lead_time_days'] ?? null;
    $flags = (($r['discontinued'] ?? false) ? Backorder\Constants::BO_ITEM_DISCONTINUED : 0)
        | (isset($r['backorders']) ? Backorder\Constants::BO_ITEM_BACKORDERS_SET
            | ($r['backorders'] ? Backorder\Constants::BO_ITEM_BACKORDERS_ALLOWED : 0) : 0);
    $bin .= pack('QQQqqqqqqqqqqa11xL', 120, $base + $off, $len, $r['quantity'] ?? 1, $r['on_hand'] ?? 0,
        $r['reserved'] ?? 0, $r['safety_stock'] ?? 0, $r['promised'] ?? 0, $r['backordered'] ?? 0,
        $lead['min'] ?? $unset, $lead['max'] ?? $unset, $r['max_backorder'] ?? $unset,
        $r['low_stock_threshold'] ?? $unset, $r['release_date'] ?? '', $flags);
    $off += $len;
}
$t1 = hrtime(true);
$items = $ffi->new("bo_item[$n]", false);
$out = $ffi->new("bo_label[$n]", false);
FFI::memcpy($items, $bin, $n * 120);
FFI::memcpy($out, str_repeat(pack('Q', 168) . str_repeat("\0", 160), $n), $n * 168);
$lab = $ffi->new('bo_labeler*');
$ffi->bo_labeler_new(FFI::addr($lab), $engine->handle(), $locale, strlen($locale), $ms);
$t2 = hrtime(true);
$status = $ffi->bo_labeler_run($out, $lab, $items, $n);
$t3 = hrtime(true);
$raw = FFI::string($out, $n * 168);
$u = [];
for ($k = 0; $k < $n; ++$k) {
    $u[$k] = unpack('x8/l2s/q4n/l5w/Z11a/Z11b/Z11c/Z11d/Q7p', $raw, $k * 168);
}
$t4 = hrtime(true);
$objs = [];
foreach ($u as $k => $x) {
    $objs[$k] = new Backorder\Window($x['c'], $x['d'], $x['w4'], $x['w5']);
}
$t5 = hrtime(true);
$ffi->bo_labeler_free($lab);
gc_enable();
$t6 = hrtime(true);
$engine->labels($rows, locale: $locale, now: $doc['now']);
$t7 = hrtime(true);

$t8 = hrtime(true);
$catalog = Backorder\Catalog::fromRows($rows);
$t9 = hrtime(true);
$catalog = $engine->catalog($rows);
$t10 = hrtime(true);
$engine->labels($catalog, locale: $locale, now: $doc['now']); // warm: the catalog's label buffer exists
$t11 = hrtime(true);
$batch = $engine->labels($catalog, locale: $locale, now: $doc['now']);
$t12 = hrtime(true);
$statuses = $batch->statuses();
$t13 = hrtime(true);
$texts = $batch->texts();
$t14 = hrtime(true);
$shortTexts = $batch->shortTexts();
$t15 = hrtime(true);
$labels = $batch->labels;
$t16 = hrtime(true);
$one = $batch[intdiv($n, 2)];
$t17 = hrtime(true);

if ($status !== 0) {
    fwrite(STDERR, "bo_labeler_run failed: $status\n");
    exit(1);
}
printf("%d rows, PHP %s\n", $n, PHP_VERSION);
echo 'pack rows into bo_item bytes      ', ms($t1 - $t0), "\n";
echo 'bo_labeler_run (the C call)       ', ms($t3 - $t2), "\n";
echo 'unpack bo_label bytes             ', ms($t4 - $t3), "\n";
echo 'one small PHP object per label    ', ms($t5 - $t4), "\n";
echo 'Engine->labels() as a whole       ', ms($t7 - $t6), "\n";
echo "-- the binding's prepared path --\n";
echo 'Catalog::fromRows (once)          ', ms($t9 - $t8), "\n";
echo 'Engine->catalog (once, checked)   ', ms($t10 - $t9), "\n";
echo 'Engine->labels($catalog)          ', ms($t12 - $t11), "\n";
echo '  ->statuses()                    ', ms($t13 - $t12), "\n";
echo '  ->texts()                       ', ms($t14 - $t13), "\n";
echo '  ->shortTexts()                  ', ms($t15 - $t14), "\n";
echo '  ->labels (every Label object)   ', ms($t16 - $t15), "\n";
echo '  [$row] (one Label)              ', ms($t17 - $t16), "\n";
