<?php

// Checkout from PHP: one 50-line cart planned over a prepared PromiseBook (issue 4: at most 300 us a cart,
// conversion included).
//
//   BACKORDER_LIBRARY=<build>/capi/libbackorder.so.1 taskset -c 1 php bench/checkout/compare.php \
//       --data=DIR [--runs=2000] [--json=out.json] [--policy=examples/apparel/policy.json]
//
// DIR is what `bench_checkout_gen --out=DIR` writes. The book is built once from scenario.json; the cart and
// customer are arrays decoded with json_decode, as a shop holds them. Each call is timed alone (hrtime),
// --runs times after a warm-up:
//   checkout        $book->checkout($cart, $customer): the cart encoded to JSON, bo_promises_checkout, the
//                   plan kept by the library (a plan not read reads nothing)
//   checkout+read   the same, then what a checkout page shows: every line's name, label text, options and
//                   alternatives (sku, name, label text), every strategy's shipments, charges and disclosure,
//                   every disclosure's text (read through the typed structs, the objects built)
//   checkout+all    the same, then every field of every object of the plan
//   checkout+array  the same call, then $plan->toArray() (the JSON's arrays, read from the typed structs)
//   json_decode     json_decode of the plan's JSON alone, for reference
// Before timing, the plan must be plan.json (core's answer for the same request) byte for byte, and every
// field read through the typed structs must equal the same field of the plan decoded from plan.json.
// Prints one line per case: median, 10th and 90th percentile in microseconds, and the target.

declare(strict_types=1);

require dirname(__DIR__, 2) . '/bindings/php/autoload.php';

const TARGET_US = 300.0;

$usage = "usage: php bench/checkout/compare.php --data=DIR [--runs=N] [--json=FILE] [--policy=FILE]\n";
$o = ['data' => null, 'runs' => '2000', 'json' => null,
      'policy' => dirname(__DIR__, 2) . '/examples/apparel/policy.json'];
foreach (array_slice($argv, 1) as $a) {
    if (!preg_match('/^--([a-z]+)=(.*)$/s', $a, $m) || !array_key_exists($m[1], $o)) {
        fwrite(STDERR, $usage);
        exit(2);
    }
    $o[$m[1]] = $m[2];
}
if ($o['data'] === null) {
    fwrite(STDERR, $usage);
    exit(2);
}
$runs = max(1, (int) $o['runs']);
$load = static fn (string $name) => json_decode(
    file_get_contents($o['data'] . '/' . $name),
    true,
    64,
    JSON_THROW_ON_ERROR,
);

$engine = new Backorder\Engine(file_get_contents($o['policy']));
$book = $engine->promises(file_get_contents($o['data'] . '/scenario.json'));
$cart = $load('cart.json');
$customer = $load('customer.json');
$reference = rtrim(file_get_contents($o['data'] . '/plan.json'), "\n");

// Honesty first: the plan is core's plan, byte for byte, and decodes to the same fields.
$plan = $book->checkout($cart, $customer);
if ($plan->json() !== $reference) {
    fwrite(STDERR, "compare.php: \$book->checkout() differs from plan.json\n");
    exit(1);
}
if ($plan->toArray() !== json_decode($reference, true)) {
    fwrite(STDERR, "compare.php: the plan's toArray() differs from plan.json decoded\n");
    exit(1);
}

$read = static function (Backorder\CheckoutPlan $p): array {
    $shown = [];
    foreach ($p->lines as $line) {
        $shown[] = [$line->name, $line->label->text, $line->options, $line->amount];
        foreach ($line->alternatives as $a) {
            $shown[] = [$a->sku, $a->name, $a->label->text];
        }
    }
    foreach ($p->strategies as $s) {
        $shown[] = [$s->id, $s->customerPays, $s->disclosure, $s->payment->advice];
        foreach ($s->shipments as $sh) {
            $shown[] = [$sh->ship->from, $sh->ship->to, $sh->charge, count($sh->items)];
        }
    }
    foreach ($p->disclosures as $d) {
        $shown[] = $d->text;
    }
    return $shown;
};

// Every field the plan holds, through the objects: what a caller that uses all of it pays.
$window = static fn (?Backorder\Window $w): array => $w === null ? [] : [$w->from, $w->to, $w->minDays, $w->maxDays];
$label = static fn (Backorder\Label $l): array => [
    $l->sku, $l->status, $l->statusCode, $l->text, $l->shortText, $l->quantity, $l->sellable, $l->shipNow,
    $l->later, $l->unavailable, $l->notifyMe, $window($l->nowWindow), $window($l->laterWindow), $l->schemaOrg,
    $l->merchantAvailability, $l->availabilityDate,
];
$readAll = static function (Backorder\CheckoutPlan $p) use ($window, $label): array {
    $seen = [[$p->now, $p->locale, $p->currency, $p->policyHash, $p->subtotal, $p->mixed, $p->costDifference,
              $p->defaultStrategy, $p->recommendedStrategy, $p->recommendation]];
    foreach ($p->lines as $l) {
        $seen[] = [$l->lineId, $l->sku, $l->name, $l->quantity, $l->unitPrice, $l->amount, $l->preorder,
                   $label($l->label), $l->options];
        foreach ($l->alternatives as $a) {
            $seen[] = [$a->sku, $a->name, $a->price, $label($a->label)];
        }
    }
    foreach ($p->strategies as $s) {
        $seen[] = [$s->id, $s->shippingTotal, $s->customerPays, $s->shopPays, $window($s->complete),
                   $s->payment->advice, $s->payment->latestShip, $s->payment->authorizationExpires, $s->disclosure];
        foreach ($s->shipments as $sh) {
            $seen[] = [$window($sh->ship), $window($sh->delivery), $sh->charge];
            foreach ($sh->items as $i) {
                $seen[] = [$i->lineId, $i->quantity];
            }
        }
    }
    foreach ($p->disclosures as $d) {
        $seen[] = [$d->kind, $d->text, $d->lineId];
    }
    return $seen;
};

if ($readAll($book->checkout($cart, $customer)) !== $readAll(Backorder\CheckoutPlan::fromJson($reference))) {
    fwrite(STDERR, "compare.php: the plan's fields differ from those of plan.json\n");
    exit(1);
}

$cases = [
    'checkout' => static fn () => $book->checkout($cart, $customer),
    'checkout+read' => static fn () => $read($book->checkout($cart, $customer)),
    'checkout+all' => static fn () => $readAll($book->checkout($cart, $customer)),
    'checkout+array' => static fn () => $book->checkout($cart, $customer)->toArray(),
    'json_decode' => static fn () => json_decode($reference, true, 64),
];

$waiting = 0;
$alternatives = 0;
foreach ($plan->lines as $l) {
    $waiting += $l->options === [] ? 0 : 1;
    $alternatives += count($l->alternatives);
}
printf(
    "php %s (opcache %s, jit %s): %d-line cart, %d lines with options, %d alternatives, %d strategies; " .
    "%d calls per case; load average %.2f\n",
    PHP_VERSION,
    ini_get('opcache.enable_cli') ? 'on' : 'off',
    ini_get('opcache.jit') ?: 'off',
    count($plan->lines),
    $waiting,
    $alternatives,
    count($plan->strategies),
    $runs,
    sys_getloadavg()[0],
);

$percentile = static function (array $sorted, float $p): float {
    return $sorted[min(count($sorted) - 1, (int) ($p * count($sorted)))];
};
$results = [];
foreach ($cases as $name => $fn) {
    for ($i = 0; $i < min(50, $runs); ++$i) {
        $fn();
    }
    gc_collect_cycles();
    $us = [];
    for ($i = 0; $i < $runs; ++$i) {
        $t0 = hrtime(true);
        $fn();
        $us[] = (hrtime(true) - $t0) / 1000.0;
    }
    sort($us);
    $n = count($us);
    $median = $n % 2 ? $us[intdiv($n, 2)] : ($us[$n / 2 - 1] + $us[$n / 2]) / 2;
    $results[$name] = ['median_us' => $median, 'p10_us' => $percentile($us, 0.1), 'p90_us' => $percentile($us, 0.9)];
    $verdict = $name === 'json_decode' ? '' : ($median <= TARGET_US ? ' met' : ' MISSED');
    printf(
        "php %-15s median %8.1f us  p10 %8.1f  p90 %8.1f  (target %.0f us)%s\n",
        $name,
        $median,
        $results[$name]['p10_us'],
        $results[$name]['p90_us'],
        TARGET_US,
        $verdict,
    );
}
if ($o['json'] !== null) {
    file_put_contents($o['json'], json_encode(['php' => PHP_VERSION, 'runs' => $runs, 'cases' => $results], JSON_PRETTY_PRINT));
}
