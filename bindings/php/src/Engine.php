<?php

declare(strict_types=1);

namespace Backorder;

/**
 * An immutable engine built from a merchant policy (docs/policy.md). Build it once per policy and reuse it:
 * building parses the policy and loads calendars and message catalogues.
 *
 *     $engine = new Backorder\Engine('/etc/shop/policy.json');
 *     $label = $engine->label(['sku' => 'JKT-NAVY-M', 'lead_time_days' => ['min' => 10, 'max' => 14]],
 *                             ['on_hand' => 0]);
 *     echo $label->text; // Backorder – ships in 10–14 days
 */
final class Engine
{
    private const JSON_FLAGS = JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES
        | JSON_PRESERVE_ZERO_FRACTION;

    private readonly \FFI $ffi;
    /** bo_engine*, owned */
    private ?\FFI\CData $handle = null;
    private readonly ?string $locale;

    /**
     * @param array|string $policy the policy as an array, a JSON string, or the path of a JSON file
     * @throws Exception BO_EINVALID with the path of the first problem (getErrors() lists them all)
     */
    public function __construct(array|string $policy)
    {
        $json = self::policyJson($policy);
        $ffi = $this->ffi = Library::ffi();
        $out = $ffi->new('bo_engine*');
        $status = $ffi->bo_engine_new(\FFI::addr($out), $json, strlen($json));
        if ($status !== Constants::BO_OK) {
            throw Exception::fromLastError($ffi, $status); // every problem of the policy: getErrors()
        }
        $this->handle = $out;
        $this->locale = self::policyLocale($policy, $json);
    }

    public function __destruct()
    {
        if ($this->handle !== null) {
            $this->ffi->bo_engine_free($this->handle);
            $this->handle = null;
        }
    }

    /**
     * Checks a policy without building an engine.
     *
     * @param array|string $policy an array, a JSON string, or the path of a JSON file
     * @return list<array{path: string, message: string}> empty when the policy is valid
     */
    public static function validate(array|string $policy): array
    {
        return self::validationErrors(Library::ffi(), self::policyJson($policy));
    }

    /** The library's version, "0.1.0". */
    public static function version(): string
    {
        return Library::version();
    }

    /**
     * One label (bo_engine_label_json). $item and $stock hold the fields of docs/json.md (a null value means
     * "not given").
     *
     * @param \DateTimeInterface|string|null $now the moment; a string is ISO 8601 with an offset; null is now
     * @throws Exception for bad input, with the JSON path ("item.lead_time_days.min")
     */
    public function label(
        array $item,
        array $stock = [],
        int $quantity = 1,
        ?string $locale = null,
        \DateTimeInterface|string|null $now = null,
    ): Label {
        $request = [
            'item' => self::object($item),
            'stock' => self::object($stock),
            'quantity' => $quantity,
            'now' => is_string($now) ? $now : self::iso8601($now ?? new \DateTimeImmutable('now')),
        ];
        if ($locale !== null) {
            $request['locale'] = $locale;
        }
        try {
            $json = json_encode($request, self::JSON_FLAGS);
        } catch (\JsonException $e) {
            throw new Exception('the request cannot be encoded as JSON: ' . $e->getMessage(), Constants::BO_EINVALID, 'item', [], $e);
        }
        return Label::fromArray($this->callJson('bo_engine_label_json', $json));
    }

    /**
     * Labels a catalog page through the typed batch path (bo_labeler_run). Each row is a flat array of the
     * item and stock fields of docs/json.md (sku, lead_time_days, on_hand, reserved, ...) and may carry its
     * own "quantity". A bad row does not stop the batch: its label is null and it is listed in errors.
     *
     * $rows may also be a prepared Catalog (Engine::catalog(), Catalog::fromRows()): it is labelled as it is,
     * without converting any row (the fast path for a catalog labelled again and again); its quantities are
     * its own, so $quantity must then be left null. The answer is a lazy LabelBatch either way.
     *
     * @param iterable<array>|Catalog $rows
     * @param int|null $quantity for rows without their own "quantity" (null: 1)
     * @throws Exception for a bad locale, now or quantity (not for bad rows)
     */
    public function labels(
        iterable|Catalog $rows,
        ?int $quantity = null,
        ?string $locale = null,
        \DateTimeInterface|string|null $now = null,
    ): LabelBatch {
        $labeler = new Labeler($this, $locale, $now);
        try {
            return $labeler->run($rows, $quantity);
        } finally {
            $labeler->close();
        }
    }

    /**
     * Prepares rows for labelling many times (Backorder\Catalog): packs them once, and checks each one here,
     * both what PHP checks and what the library checks (a lead time's min above its max, a bad release date),
     * so that catalog->errors() lists every bad row with its path ("rows[3].lead_time_days") now.
     *
     * @param iterable<array> $rows the flat rows of labels()
     * @param int $quantity for rows without their own "quantity"
     */
    public function catalog(iterable $rows, int $quantity = 1): Catalog
    {
        $catalog = Catalog::fromRows($rows, $quantity);
        $batch = (new Labeler($this))->run($catalog);
        $refused = $catalog->refused();
        $found = [];
        foreach ($batch->errors() as $error) {
            if (!isset($refused[$error['row']])) {
                $found[] = $error;
            }
        }
        unset($batch); // its bo_label array goes back to the catalog for the first labels()
        if ($found !== []) {
            $catalog->refuse($found);
        }
        return $catalog;
    }

    /** A labeler for many batches in one locale at one moment (one thread at a time). */
    public function labeler(?string $locale = null, \DateTimeInterface|string|null $now = null): Labeler
    {
        return new Labeler($this, $locale, $now);
    }

    /**
     * The promises of a shop (bo_promises_new): every waiting order line's ship window, computed first come
     * first served from stock on hand, inbound supply and the supplier lead time (docs/json.md#promises).
     *
     *     $book = $engine->promises('examples/apparel/scenario.json');
     *     foreach ($book->lines() as $line) echo $line->orderId, ' ', $line->ship->from, "\n";
     *
     * @param array|string $scenario {now, items, stock, supply, suppliers, orders} as an array, a JSON string
     *                               or the path of a JSON file
     * @throws Exception BO_EINVALID with the path of the first problem ("supply[0].quantity")
     */
    public function promises(array|string $scenario): PromiseBook
    {
        return new PromiseBook($this, $scenario);
    }

    /**
     * Plans a checkout (bo_engine_checkout_json): per cart line what ships now and what waits, options and
     * in-stock alternatives, ship-available-now versus ship-together with dates and charges, disclosures in the
     * shopper's language, payment advice (docs/json.md#checkout).
     *
     *     $plan = $engine->checkout([
     *         'now' => '2026-11-30T09:00:00-05:00', 'items' => $items, 'stock' => $stock,
     *         'cart' => ['currency' => 'USD', 'lines' => [['line_id' => '1', 'sku' => 'JKT-NAVY-M', 'quantity' => 1]]],
     *         'customer' => ['locale' => 'en-US', 'zone' => 'US'],
     *     ]);
     *
     * For many carts over the same facts, build a PromiseBook once and call its checkout().
     *
     * @param array|string $request {now, items, stock, supply, suppliers, orders, cart, customer, locale} as an
     *        array, a JSON string or the path of a JSON file. In an array a null value means "not given", a
     *        DateTimeInterface is written as the library reads it (an instant under "now" and "placed_at", a
     *        civil date elsewhere), and a missing "now" is the current time.
     * @throws Exception BO_EINVALID with every problem's path (getErrors(): "cart.lines[2].quantity", ...)
     */
    public function checkout(array|string $request): CheckoutPlan
    {
        if (is_array($request) && !isset($request['now'])) {
            $request['now'] = new \DateTimeImmutable('now');
        }
        $json = PromiseBook::document($request, 'request');
        return CheckoutPlan::fromLibrary(Call::json('bo_engine_checkout_json', $json, $this->handle()));
    }

    /**
     * What cancelling lines of an order, or all that has not shipped, refunds (bo_engine_refund_json,
     * docs/json.md#refunds): per line the items, discount share, tax and deposit; the shipping; the deadline and
     * method for the jurisdiction and payment method, with its citation. Exact to the minor unit; nothing is
     * recorded.
     *
     *     $quote = $engine->refundQuote([
     *         'currency' => 'USD', 'payment' => 'card', 'jurisdiction' => 'US',
     *         'lines' => [['line_id' => '1', 'quantity' => 1, 'unit_price' => 12900, 'tax' => ['rate_bp' => 825]]],
     *         'shipping' => ['charged' => 595],
     *     ], 'all', '2026-12-03T10:00:00-05:00');
     *
     * @param array $order the order as paid (docs/json.md#refunds); a null value means "not given"
     * @param string|array $cancel 'all' (every unit not shipped), [line_id => quantity or null (all open units)],
     *        or the JSON list [['line_id' => '1', 'quantity' => 1], ...]
     * @param \DateTimeInterface|string|null $now when the right to the refund vests; null is now
     * @throws Exception BO_EINVALID with every problem's path (getErrors(): "order.lines[2].shipped", "cancel[0].quantity")
     */
    public function refundQuote(
        array $order,
        string|array $cancel = 'all',
        \DateTimeInterface|string|null $now = null,
    ): RefundQuote {
        if (is_array($cancel) && !array_is_list($cancel)) {
            $lines = [];
            foreach ($cancel as $lineId => $quantity) {
                $lines[] = $quantity === null ? ['line_id' => (string) $lineId]
                    : ['line_id' => (string) $lineId, 'quantity' => $quantity];
            }
            $cancel = $lines;
        }
        $request = [
            'now' => is_string($now) ? $now : self::iso8601($now ?? new \DateTimeImmutable('now')),
            'order' => self::object($order),
            'cancel' => $cancel,
        ];
        return RefundQuote::fromLibrary(Call::json('bo_engine_refund_json', Call::encode($request, 'order'), $this->handle()));
    }

    /**
     * Opens this shop's ledger (bo_store_open, docs/store.md): events in, customer messages out.
     *
     *     $store = $engine->store('sqlite:/var/lib/shop/ledger.db', secret: $config['backorder_secret']);
     *
     * @param string $url "sqlite:PATH", "sqlite::memory:" or "postgresql://..."
     * @param string|null $secret signs the links in messages (16 bytes or more); needed for notify-me
     * @throws Exception BO_EINVALID at "url" or "options.secret"
     */
    public function store(string $url, ?string $secret = null, int $busyTimeoutMs = 10000): Store
    {
        return new Store($this, $url, $secret, $busyTimeoutMs);
    }

    /** The policy's locale, when it names one. */
    public function locale(): ?string
    {
        return $this->locale;
    }

    /** @internal the bo_engine* handle */
    public function handle(): \FFI\CData
    {
        if ($this->handle === null) {
            throw new Exception('the engine has been freed');
        }
        return $this->handle;
    }

    /** @internal "2026-11-30T09:00:00-05:00" */
    public static function iso8601(\DateTimeInterface $now): string
    {
        return $now->format('Y-m-d\TH:i:sP');
    }

    /** Calls a bo_* function with the (char **out, size_t *out_len, engine, json, len) shape; decodes the answer. */
    private function callJson(string $function, string $json): array
    {
        $ffi = $this->ffi;
        $out = $ffi->new('char*');
        $len = $ffi->new('size_t');
        try {
            $status = $ffi->$function(\FFI::addr($out), \FFI::addr($len), $this->handle(), $json, strlen($json));
            if ($status !== Constants::BO_OK) {
                throw Exception::fromLastError($ffi, $status);
            }
            $answer = \FFI::string($out, $len->cdata);
        } finally {
            $ffi->bo_free($out);
        }
        return json_decode($answer, true, 64, JSON_THROW_ON_ERROR);
    }

    /** @return list<array{path: string, message: string}> */
    private static function validationErrors(\FFI $ffi, string $json): array
    {
        $out = $ffi->new('char*');
        $len = $ffi->new('size_t');
        try {
            $status = $ffi->bo_policy_validate(\FFI::addr($out), \FFI::addr($len), $json, strlen($json));
            if ($status !== Constants::BO_OK) {
                throw Exception::fromLastError($ffi, $status);
            }
            $answer = json_decode(\FFI::string($out, $len->cdata), true, 64, JSON_THROW_ON_ERROR);
        } finally {
            $ffi->bo_free($out);
        }
        $errors = [];
        foreach ($answer['errors'] ?? [] as $e) {
            $errors[] = ['path' => (string) ($e['path'] ?? ''), 'message' => (string) ($e['message'] ?? '')];
        }
        return $errors;
    }

    private static function policyJson(array|string $policy): string
    {
        return self::document($policy, 'policy');
    }

    /**
     * @internal A JSON document given as an array, a JSON string or the path of a JSON file, as JSON text.
     * $what ("policy", "scenario", "change") is the error path when the document cannot be had at all.
     */
    public static function document(array|string $doc, string $what): string
    {
        if (is_array($doc)) {
            try {
                return json_encode(self::object($doc), self::JSON_FLAGS);
            } catch (\JsonException $e) {
                throw new Exception("the $what cannot be encoded as JSON: " . $e->getMessage(), Constants::BO_EINVALID, $what, [], $e);
            }
        }
        $trimmed = ltrim($doc);
        if ($trimmed !== '' && ($trimmed[0] === '{' || $trimmed[0] === '[')) {
            return $doc;
        }
        if ($doc === '' || str_contains($doc, "\0") || !is_file($doc)) {
            throw new Exception(
                "the $what is neither a JSON document nor a readable file: \"$doc\"",
                Constants::BO_EINVALID,
                $what,
            );
        }
        $json = @file_get_contents($doc);
        if ($json === false) {
            throw new Exception("the $what file cannot be read: $doc", Constants::BO_EINVALID, $what);
        }
        return $json;
    }

    private static function policyLocale(array|string $policy, string $json): ?string
    {
        $doc = is_array($policy) ? $policy : json_decode($json, true, 512);
        $locale = is_array($doc) ? ($doc['locale'] ?? null) : null;
        return is_string($locale) && $locale !== '' ? $locale : null;
    }

    /** A PHP array as a JSON object: [] becomes {}, null values ("not given") are left out. */
    private static function object(array $a): object|array
    {
        foreach ($a as $k => $v) {
            if ($v === null) {
                unset($a[$k]);
            }
        }
        return $a === [] || array_is_list($a) ? (object) $a : $a;
    }
}
