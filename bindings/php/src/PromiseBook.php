<?php

declare(strict_types=1);

namespace Backorder;

/**
 * The promises of a shop (a bo_promises): every waiting order line's ship window, computed first come first
 * served from stock on hand, inbound supply and the supplier lead time, kept up to date as changes are
 * applied (docs/json.md#promises). Build it with Engine::promises(). One thread at a time.
 *
 *     $book = $engine->promises('examples/apparel/scenario.json');
 *     $quote = $book->quote('JKT-NAVY-M');                // where a new shopper would stand
 *     $deltas = $book->apply(['type' => 'supply_changed', 'id' => 'PO-1001', 'expected' => '2026-12-15']);
 *     foreach ($deltas as $d) notify($d->orderId, $d->before->ship, $d->after?->ship);
 *
 * Inputs (scenario, change) are arrays, JSON strings or paths of JSON files. In arrays, a null value means
 * "not given", and a DateTimeInterface becomes an ISO 8601 instant under "now" and "placed_at" and a civil
 * date ("2026-12-10") anywhere else.
 */
final class PromiseBook implements \JsonSerializable
{
    private const JSON_FLAGS = JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES;
    /** keys whose DateTimeInterface values are instants; other dates are civil days */
    private const INSTANT_KEYS = ['now' => true, 'placed_at' => true];

    private readonly \FFI $ffi;
    /** bo_promises*, owned */
    private ?\FFI\CData $handle = null;
    /** the decoded bo_promises_json answer, until the next successful apply() */
    private ?array $cache = null;

    /**
     * @param array|string $scenario {now, items, stock, supply, suppliers, orders}: an array, a JSON string or
     *                               the path of a JSON file
     * @throws Exception BO_EINVALID with the path of the first problem ("supply[0].quantity", "orders[3].sku")
     */
    public function __construct(private readonly Engine $engine, array|string $scenario)
    {
        $json = self::input($scenario, 'scenario');
        $ffi = $this->ffi = Library::ffi();
        $out = $ffi->new('bo_promises*');
        $status = $ffi->bo_promises_new(\FFI::addr($out), $engine->handle(), $json, strlen($json));
        if ($status !== Constants::BO_OK) {
            throw Exception::fromLastError($ffi, $status);
        }
        $this->handle = $out;
    }

    public function __destruct()
    {
        $this->close();
    }

    /** Releases the C handle now. Further calls throw. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $this->ffi->bo_promises_free($this->handle);
            $this->handle = null;
        }
        $this->cache = null;
    }

    /** @return list<LinePromise> every waiting line, in the scenario's order (cancelled lines are gone) */
    public function lines(): array
    {
        $lines = [];
        foreach ($this->answer()['lines'] ?? [] as $a) {
            $lines[] = LinePromise::fromArray($a);
        }
        return $lines;
    }

    /** One waiting line, or null when there is no such line (or it was cancelled). */
    public function line(string $orderId, string $lineId = '1'): ?LinePromise
    {
        foreach ($this->answer()['lines'] ?? [] as $a) {
            if ($a['order_id'] === $orderId && $a['line_id'] === $lineId) {
                return LinePromise::fromArray($a);
            }
        }
        return null;
    }

    /** @return list<SupplyPromise> every open supply and its ship window */
    public function supply(): array
    {
        $supply = [];
        foreach ($this->answer()['supply'] ?? [] as $a) {
            $supply[] = SupplyPromise::fromArray($a);
        }
        return $supply;
    }

    /**
     * Where a new purchase of $quantity would stand in the queue and when it would ship (nothing is reserved).
     *
     * @param string|null $zone the destination zone for transit days; null for the default
     * @throws Exception BO_EINVALID with path "sku" or "quantity"
     */
    public function quote(string $sku, int $quantity = 1, ?string $zone = null): Quote
    {
        $request = ['sku' => $sku, 'quantity' => $quantity];
        if ($zone !== null) {
            $request['zone'] = $zone;
        }
        return Quote::fromArray($this->call('bo_promises_quote_json', self::encode($request, 'request')));
    }

    /**
     * Applies one change and returns exactly the lines whose ship window moved, old beside new, and the lines
     * removed. A bad change throws and changes nothing.
     *
     *     ['type' => 'supply_changed', 'id' => 'PO-1001', 'expected' => '2026-12-15']
     *     ['type' => 'stock_received', 'sku' => 'JKT-NAVY-M', 'quantity' => 30, 'supply_id' => 'PO-1001']
     *     ['type' => 'order_cancelled', 'order_id' => 'A-1001']
     *
     * @param array|string $change an array, a JSON string or the path of a JSON file (types in docs/json.md)
     * @return list<Delta>
     * @throws Exception with the path ("change.expected"); BO_ENOTFOUND for an unknown id
     */
    public function apply(array|string $change): array
    {
        $answer = $this->call('bo_promises_apply_json', self::input($change, 'change'), mutates: true);
        $deltas = [];
        foreach ($answer['deltas'] ?? [] as $d) {
            $deltas[] = Delta::fromArray($d);
        }
        return $deltas;
    }

    /**
     * Labels whose backorder window is the quote for a new shopper and whose sellable quantity leaves out the
     * stock already promised to waiting lines.
     *
     * @param string|null $locale BCP 47 ("de-DE"); null for the policy's
     * @param list<string>|null $skus these items, in this order; null for every item of the scenario
     * @return list<Label>
     * @throws Exception BO_EINVALID with the path ("locale", "skus[2]", "quantity")
     */
    public function labels(?string $locale = null, int $quantity = 1, ?array $skus = null): array
    {
        $request = ['quantity' => $quantity];
        $locale ??= $this->engine->locale();
        if ($locale !== null) {
            $request['locale'] = $locale;
        }
        if ($skus !== null) {
            if (!array_is_list($skus)) {
                throw Exception::invalid('skus', 'expected a list of skus');
            }
            $request['skus'] = $skus;
        }
        $labels = [];
        foreach ($this->call('bo_promises_labels_json', self::encode($request, 'request'))['labels'] ?? [] as $a) {
            $labels[] = Label::fromArray($a);
        }
        return $labels;
    }

    /**
     * Plans a checkout over this book's facts (bo_promises_checkout): the lines of the cart take stock and
     * supply after the waiting orders, as a new shopper would (docs/json.md#checkout). Nothing is reserved.
     *
     *     $plan = $book->checkout(
     *         ['currency' => 'USD', 'lines' => [['line_id' => '1', 'sku' => 'JKT-NAVY-M', 'quantity' => 1, 'unit_price' => 12900]]],
     *         ['locale' => 'en-US', 'zone' => 'US', 'tier' => 'gold'],
     *     );
     *
     * @param array $cart {currency, lines: [{line_id, sku, quantity, unit_price, currency}]}; null values are "not given"
     * @param array|null $customer {locale, zone, tier}
     * @param string|null $locale the plan's language when the customer names none; null: the policy's
     * @throws Exception BO_EINVALID with every problem's path (getErrors(): "cart.lines[0].sku", "cart.currency")
     */
    public function checkout(array $cart, ?array $customer = null, ?string $locale = null): CheckoutPlan
    {
        $request = ['cart' => self::normalize($cart)];
        if ($customer !== null) {
            $request['customer'] = $customer === [] ? new \stdClass() : self::normalize($customer);
        }
        if ($locale !== null) {
            $request['locale'] = $locale;
        }
        return CheckoutPlan::plan('bo_promises_checkout', $this->handle(), self::encode($request, 'request'));
    }

    /** The engine the book was built with. */
    public function engine(): Engine
    {
        return $this->engine;
    }

    /** The docs/json.md shape: ['lines' => [...], 'supply' => [...]]. */
    public function toArray(): array
    {
        return [
            'lines' => array_map(static fn (LinePromise $l) => $l->toArray(), $this->lines()),
            'supply' => array_map(static fn (SupplyPromise $s) => $s->toArray(), $this->supply()),
        ];
    }

    public function jsonSerialize(): array
    {
        return $this->toArray();
    }

    /** The library's answer as it came (bo_promises_json): {"lines": [...], "supply": [...]}. */
    public function json(): string
    {
        return $this->raw('bo_promises_json');
    }

    /** @internal the bo_promises* handle */
    public function handle(): \FFI\CData
    {
        if ($this->handle === null) {
            throw new Exception('the promise book has been closed');
        }
        return $this->handle;
    }

    private function answer(): array
    {
        return $this->cache ??= json_decode($this->raw('bo_promises_json'), true, 64, JSON_THROW_ON_ERROR);
    }

    /** bo_promises_json: (char **out, size_t *out_len, promises) */
    private function raw(string $function): string
    {
        $ffi = $this->ffi;
        $out = $ffi->new('char*');
        $len = $ffi->new('size_t');
        try {
            $status = $ffi->$function(\FFI::addr($out), \FFI::addr($len), $this->handle());
            if ($status !== Constants::BO_OK) {
                throw Exception::fromLastError($ffi, $status);
            }
            return \FFI::string($out, $len->cdata);
        } finally {
            $ffi->bo_free($out);
        }
    }

    /** Calls a (char **out, size_t *out_len, promises, json, len) function and decodes its answer. */
    private function call(string $function, string $json, bool $mutates = false): array
    {
        $ffi = $this->ffi;
        $out = $ffi->new('char*');
        $len = $ffi->new('size_t');
        try {
            $status = $ffi->$function(\FFI::addr($out), \FFI::addr($len), $this->handle(), $json, strlen($json));
            if ($mutates && ($status === Constants::BO_OK || $status === Constants::BO_ENOMEM)) {
                // BO_ENOMEM after a change: the change is made, only its answer was lost (docs/c-abi.md)
                $this->cache = null;
            }
            if ($status !== Constants::BO_OK) {
                throw Exception::fromLastError($ffi, $status);
            }
            $answer = \FFI::string($out, $len->cdata);
        } finally {
            $ffi->bo_free($out);
        }
        return json_decode($answer, true, 64, JSON_THROW_ON_ERROR);
    }

    /**
     * @internal A scenario, change or checkout request as JSON text: an array (see the class comment), a JSON
     * string, or the path of a JSON file.
     */
    public static function document(array|string $doc, string $what): string
    {
        return self::input($doc, $what);
    }

    /** A scenario or change as JSON text (see the class comment for arrays). */
    private static function input(array|string $doc, string $what): string
    {
        if (is_array($doc)) {
            $doc = self::normalize($doc);
            $doc = is_array($doc) ? $doc : [];
        }
        return Engine::document($doc, $what);
    }

    private static function encode(array $request, string $what): string
    {
        try {
            return json_encode($request, self::JSON_FLAGS);
        } catch (\JsonException $e) {
            throw new Exception("the $what cannot be encoded as JSON: " . $e->getMessage(), Constants::BO_EINVALID, $what, [], $e);
        }
    }

    /** Drops null values of string-keyed arrays and writes dates as the library reads them. */
    private static function normalize(array $a): array|object
    {
        $object = !array_is_list($a);
        foreach ($a as $k => $v) {
            if ($v === null && is_string($k)) {
                unset($a[$k]);
            } elseif ($v instanceof \DateTimeInterface) {
                $a[$k] = isset(self::INSTANT_KEYS[$k]) ? Engine::iso8601($v) : $v->format('Y-m-d');
            } elseif (is_array($v)) {
                $a[$k] = self::normalize($v);
            }
        }
        return $object && $a === [] ? new \stdClass() : $a; // {"on_hand": null} stays an object
    }
}
