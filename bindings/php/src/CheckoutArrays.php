<?php

declare(strict_types=1);

namespace Backorder;

/**
 * @internal A plan the library keeps, as the arrays json_decode() makes of its JSON (docs/json.md#checkout: keys
 * in the library's sorted order, null windows, a label's merchant without availability_date when it has none),
 * read from the typed structs as CheckoutReader reads them: CheckoutPlan::toArray() without writing the JSON
 * and decoding it again, which costs PHP several times more.
 */
final class CheckoutArrays
{
    private function __construct()
    {
    }

    public static function of(CheckoutReader $r): array
    {
        $sum = $r->summary();
        [$block, $base] = $r->texts();
        $gc = gc_enabled();
        if ($gc) {
            gc_disable();
        }
        try {
            $windows = self::windows($r, $sum['windows']);
            return [
                'cost_difference' => $sum['cost_difference'],
                'currency' => $sum['currency'],
                'default_strategy' => $sum['default_strategy'],
                'disclosures' => self::disclosures($r, $sum['disclosures'], $block, $base),
                'lines' => self::lines($r, $sum, $windows, $block, $base),
                'locale' => $sum['locale'],
                'mixed' => $sum['mixed'],
                'now' => $sum['now'],
                'policy_hash' => $sum['policy_hash'],
                'recommendation' => $sum['recommendation'],
                'recommended_strategy' => $sum['recommended_strategy'],
                'strategies' => self::strategies($r, $sum, $windows, $block, $base),
                'subtotal' => $sum['subtotal'],
            ];
        } finally {
            if ($gc) {
                gc_enable();
            }
        }
    }

    /** @return list<array{from: string, max_days: int, min_days: int, to: string}> */
    private static function windows(CheckoutReader $r, int $n): array
    {
        [$mem, , $w32, $bytes] = $r->read('bo_checkout_windows', 'bo_checkout_window', 40, $n);
        $windows = [];
        for ($k = 0, $i = 0, $o = 0; $k < $n; ++$k, $i += 10, $o += 40) {
            $windows[] = ['from' => substr($bytes, $o + 16, 10), 'max_days' => $w32[$i + 3],
                          'min_days' => $w32[$i + 2], 'to' => substr($bytes, $o + 27, 10)];
        }
        return $windows;
    }

    private static function lines(CheckoutReader $r, array $sum, array $windows, string $block, int $base): array
    {
        $n = $sum['lines'];
        $alternativeCount = $sum['alternatives'];
        [$lineMem, $lw, $li] = $r->read('bo_checkout_lines', 'bo_checkout_line', 104, $n);
        [$altMem, $aw] = $r->read('bo_checkout_alternatives', 'bo_checkout_alternative', 48, $alternativeCount);
        [$labelMem, $bw, $bi] = $r->read('bo_checkout_labels', 'bo_checkout_label', 56, $n + $alternativeCount);
        [$wordMem, $ww, $wi] = $r->read('bo_checkout_wordings', 'bo_checkout_wording', 56, $sum['wordings']);
        // A wording's fields: status, status_code, text, short_text, schema_org, merchant.
        $wordings = [];
        for ($k = 0, $w = 0, $count = $sum['wordings']; $k < $count; ++$k, $w += 7) {
            $code = $wi[$w * 2 + 12];
            $date = substr($block, $o = $ww[$w + 5] - $base, strpos($block, "\0", $o) - $o);
            $merchant = ['availability' => substr($block, $o = $ww[$w + 4] - $base, strpos($block, "\0", $o) - $o)];
            if ($date !== '') {
                $merchant['availability_date'] = $date;
            }
            $wordings[] = [
                Label::STATUS_NAMES[$code] ?? (string) $code,
                $code,
                substr($block, $o = $ww[$w + 1] - $base, strpos($block, "\0", $o) - $o),
                substr($block, $o = $ww[$w + 2] - $base, strpos($block, "\0", $o) - $o),
                substr($block, $o = $ww[$w + 3] - $base, strpos($block, "\0", $o) - $o),
                $merchant,
            ];
        }
        $label = static function (int $k, string $sku, int $quantity) use ($bw, $bi, $wordings, $windows): array {
            $w = $k * 7;
            $i = $w * 2;
            [$status, $code, $text, $short, $schemaOrg, $merchant] = $wordings[$bi[$i + 10]];
            $now = $bi[$i + 11];
            $later = $bi[$i + 12];
            return [
                'later' => $bw[$w + 3],
                'later_window' => $later < 0 ? null : $windows[$later],
                'merchant' => $merchant,
                'notify_me' => $bi[$i + 13] !== 0,
                'now_window' => $now < 0 ? null : $windows[$now],
                'quantity' => $quantity,
                'schema_org' => $schemaOrg,
                'sellable' => $bw[$w + 1],
                'ship_now' => $bw[$w + 2],
                'short_text' => $short,
                'sku' => $sku,
                'status' => $status,
                'status_code' => $code,
                'text' => $text,
                'unavailable' => $bw[$w + 4],
            ];
        };
        $lines = [];
        for ($i = 0, $w = 0; $i < $n; ++$i, $w += 13) {
            $quantity = $lw[$w + 7];
            $alternatives = [];
            for ($j = $lw[$w + 10], $end = $j + $lw[$w + 11]; $j < $end; ++$j) {
                $a = $j * 6;
                $sku = substr($block, $aw[$a + 1] - $base, $aw[$a + 2]);
                $alternatives[] = [
                    'label' => $label($n + $j, $sku, $quantity),
                    'name' => substr($block, $aw[$a + 3] - $base, $aw[$a + 4]),
                    'price' => $aw[$a + 5],
                    'sku' => $sku,
                ];
            }
            $bits = $li[$w * 2 + 24];
            $options = [];
            if ($bits !== 0) {
                foreach (CheckoutReader::OPTION_NAMES as $bit => $name) {
                    if (($bits & $bit) !== 0) {
                        $options[] = $name;
                    }
                }
            }
            $sku = substr($block, $lw[$w + 3] - $base, $lw[$w + 4]);
            $lines[] = [
                'alternatives' => $alternatives,
                'amount' => $lw[$w + 9],
                'label' => $label($i, $sku, $quantity),
                'line_id' => substr($block, $lw[$w + 1] - $base, $lw[$w + 2]),
                'name' => substr($block, $lw[$w + 5] - $base, $lw[$w + 6]),
                'options' => $options,
                'preorder' => $li[$w * 2 + 25] !== 0,
                'quantity' => $quantity,
                'sku' => $sku,
                'unit_price' => $lw[$w + 8],
            ];
        }
        return $lines;
    }

    private static function strategies(CheckoutReader $r, array $sum, array $windows, string $block, int $base): array
    {
        [$strategyMem, $sw, $si, $sBytes] = $r->read('bo_checkout_strategies', 'bo_checkout_strategy', 104, $sum['strategies']);
        [$shipmentMem, $hw, $hi] = $r->read('bo_checkout_shipments', 'bo_checkout_shipment', 40, $sum['shipments']);
        [$itemMem, $iw] = $r->read('bo_checkout_shipment_items', 'bo_checkout_shipment_item', 32, $sum['items']);
        $items = [];
        for ($m = 0, $count = $sum['items'], $w = 0; $m < $count; ++$m, $w += 4) {
            $items[] = ['line_id' => substr($block, $iw[$w + 1] - $base, $iw[$w + 2]), 'quantity' => $iw[$w + 3]];
        }
        $shipments = [];
        for ($k = 0, $count = $sum['shipments'], $w = 0; $k < $count; ++$k, $w += 5) {
            $shipments[] = [
                'charge' => $hw[$w + 1],
                'delivery' => $windows[$hi[$w * 2 + 9]],
                'items' => array_slice($items, $hw[$w + 2], $hw[$w + 3]),
                'ship' => $windows[$hi[$w * 2 + 8]],
            ];
        }
        $strategies = [];
        for ($s = 0, $count = $sum['strategies'], $w = 0; $s < $count; ++$s, $w += 13) {
            $strategies[] = [
                'complete' => $windows[$si[$w * 2 + 22]],
                'customer_pays' => $sw[$w + 7],
                'disclosure' => substr($block, $sw[$w + 2] - $base, $sw[$w + 3]),
                'id' => substr($block, $o = $sw[$w + 1] - $base, strpos($block, "\0", $o) - $o),
                'payment' => [
                    'advice' => substr($block, $o = $sw[$w + 4] - $base, strpos($block, "\0", $o) - $o),
                    'authorization_expires' => substr($block, $o = $sw[$w + 5] - $base, strpos($block, "\0", $o) - $o),
                    'latest_ship' => substr($sBytes, $s * 104 + 92, 10),
                ],
                'shipments' => array_slice($shipments, $sw[$w + 9], $sw[$w + 10]),
                'shipping_total' => $sw[$w + 6],
                'shop_pays' => $sw[$w + 8],
            ];
        }
        return $strategies;
    }

    private static function disclosures(CheckoutReader $r, int $n, string $block, int $base): array
    {
        [$mem, $dw] = $r->read('bo_checkout_disclosures', 'bo_checkout_disclosure', 48, $n);
        $disclosures = [];
        for ($i = 0, $w = 0; $i < $n; ++$i, $w += 6) {
            $d = ['kind' => substr($block, $o = $dw[$w + 1] - $base, strpos($block, "\0", $o) - $o)];
            if ($dw[$w + 3] !== 0) {
                $d['line_id'] = substr($block, $dw[$w + 2] - $base, $dw[$w + 3]);
            }
            $d['text'] = substr($block, $dw[$w + 4] - $base, $dw[$w + 5]);
            $disclosures[] = $d;
        }
        return $disclosures;
    }
}
