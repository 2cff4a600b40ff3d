<?php

declare(strict_types=1);

namespace Backorder;

/**
 * @internal A compliance request (docs/json.md#compliance) as JSON text: an array (null values are "not
 * given"; a DateTimeInterface is an instant under the keys that hold one, a civil date elsewhere; a missing
 * "now" is the current time), a JSON string or the path of a JSON file, with the packs given for the call.
 */
final class ComplianceRequest
{
    private const INSTANT_KEYS = [
        'now' => true, 'placed_at' => true, 'received_at' => true, 'sent_at' => true, 'at' => true,
        'shipped_at' => true, 'delivered_at' => true, 'authorized_at' => true, 'captured_at' => true,
        'ends_at' => true,
    ];

    private function __construct()
    {
    }

    /** @param list<array|string> $packs rule packs: arrays, JSON strings or paths of JSON files */
    public static function json(array|string $request, array $packs): string
    {
        if (is_string($request)) {
            $request = self::decode(Engine::document($request, 'request'), 'request');
        }
        if (!isset($request['now'])) {
            $request['now'] = new \DateTimeImmutable('now');
        }
        foreach ($packs as $i => $pack) {
            $request['packs'][] = is_array($pack)
                ? $pack
                : self::decode(Engine::document($pack, "packs[$i]"), "packs[$i]");
        }
        return Call::encode(self::normalize($request), 'request');
    }

    private static function decode(string $json, string $what): array
    {
        try {
            $doc = json_decode($json, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            throw new Exception("the $what is not valid JSON: " . $e->getMessage(), Constants::BO_EINVALID, $what, [], $e);
        }
        if (!is_array($doc) || array_is_list($doc)) {
            throw new Exception("the $what must be a JSON object", Constants::BO_EINVALID, $what);
        }
        return $doc;
    }

    private static function normalize(array $a): array|object
    {
        $object = !array_is_list($a);
        foreach ($a as $k => $v) {
            if ($v === null && is_string($k)) {
                unset($a[$k]);
            } elseif ($v instanceof \DateTimeInterface) {
                $a[$k] = isset(self::INSTANT_KEYS[$k]) ? Engine::iso8601($v) : $v->format('Y-m-d');
            } elseif ($v instanceof Label) {
                $a[$k] = $v->toArray();
            } elseif (is_array($v)) {
                $a[$k] = self::normalize($v);
            }
        }
        return $object && $a === [] ? new \stdClass() : $a;
    }
}
