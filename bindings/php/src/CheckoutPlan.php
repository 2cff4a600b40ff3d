<?php

declare(strict_types=1);

namespace Backorder;

/**
 * A checkout plan (docs/json.md#checkout): per cart line what ships now and what waits, the shopper's options
 * and in-stock alternatives; the shipment strategies with their dates, charges and payment advice; the texts
 * the page must show. Immutable. Made by Engine::checkout() and PromiseBook::checkout().
 *
 *     $plan = $book->checkout(['currency' => 'USD', 'lines' => [['sku' => 'JKT-NAVY-M', 'quantity' => 1]]],
 *                             ['locale' => 'en-US', 'zone' => 'US']);
 *     foreach ($plan->lines as $line) echo $line->label->text;
 *     $record = $plan->consent('ship_available');   // what the shopper saw and chose: keep $record->json()
 *
 * Every field is a public readonly property, filled when first read: `lines`, `strategies` and `disclosures`
 * become objects when they are first read, and a plan shown in part builds nothing else. A plan from
 * Engine::checkout() or PromiseBook::checkout() stays in the library (bo_checkout) and is read through its
 * typed structs, never through JSON; json() asks the library for the text when it is first wanted. A plan
 * from fromJson() or fromArray() is decoded from its JSON.
 */
final class CheckoutPlan implements \JsonSerializable
{
    public readonly string $now;                  // "2026-11-30T09:00:00-05:00": the moment the plan is for
    public readonly string $locale;               // the shopper's: "en-US"
    public readonly string $currency;             // "USD"
    public readonly string $policyHash;           // SHA-256 of the policy the plan was made under
    public readonly int $subtotal;                // minor units
    public readonly bool $mixed;                  // some lines ship now and some wait: there is a choice
    public readonly int $costDifference;          // what ship_available costs the shopper more than ship_together
    public readonly string $defaultStrategy;      // the policy's: "ship_together"
    public readonly string $recommendedStrategy;  // "ship_available"
    public readonly string $recommendation;       // why: "no_extra_cost", "sooner" or "one_shipment"
    /** @var list<CheckoutLine> in cart order */
    public readonly array $lines;
    /** @var list<Strategy> "ship_available" first when the cart mixes; only "ship_together" otherwise */
    public readonly array $strategies;
    /** @var list<Disclosure> backorder and pre-order lines, then cancellation, then payment */
    public readonly array $disclosures;

    /** the decoded answer, once read */
    private ?array $data;
    /** the library's JSON text, once asked for */
    private ?string $json;

    /**
     * @internal Use Engine::checkout(), PromiseBook::checkout() or CheckoutPlan::fromJson().
     * @param string|null $json the library's answer, kept as it is (null: the reader's, when asked for)
     * @param array|null $data the same, decoded, when it already is
     * @param CheckoutReader|null $reader the plan kept by the library, read through its typed structs
     */
    public function __construct(?string $json, ?array $data = null, private readonly ?CheckoutReader $reader = null)
    {
        $this->json = $json;
        $this->data = $data;
        // Left unset, the properties are filled by __get() on first read.
        unset(
            $this->now, $this->locale, $this->currency, $this->policyHash, $this->subtotal, $this->mixed,
            $this->costDifference, $this->defaultStrategy, $this->recommendedStrategy, $this->recommendation,
            $this->lines, $this->strategies, $this->disclosures,
        );
    }

    public function __get(string $name): mixed
    {
        if ($this->reader !== null) {
            return $this->typed($name);
        }
        switch ($name) {
            case 'lines':
                $lines = [];
                foreach ($this->data()['lines'] as $l) {
                    $lines[] = CheckoutLine::fromArray($l);
                }
                return $this->lines = $lines;
            case 'strategies':
                $strategies = [];
                foreach ($this->data()['strategies'] as $st) {
                    $strategies[] = Strategy::fromArray($st);
                }
                return $this->strategies = $strategies;
            case 'disclosures':
                $disclosures = [];
                foreach ($this->data()['disclosures'] as $d) {
                    $disclosures[] = Disclosure::fromArray($d);
                }
                return $this->disclosures = $disclosures;
            case 'now': case 'locale': case 'currency': case 'policyHash': case 'subtotal': case 'mixed':
            case 'costDifference': case 'defaultStrategy': case 'recommendedStrategy': case 'recommendation':
                $this->scalars($this->data());
                return $this->$name;
        }
        throw new \Error('Undefined property: ' . self::class . "::\$$name");
    }

    /** A property of a plan kept by the library, read through the typed structs. */
    private function typed(string $name): mixed
    {
        switch ($name) {
            case 'lines':
                return $this->lines = $this->reader->lines();
            case 'strategies':
                return $this->strategies = $this->reader->strategies();
            case 'disclosures':
                return $this->disclosures = $this->reader->disclosures();
            case 'now': case 'locale': case 'currency': case 'policyHash': case 'subtotal': case 'mixed':
            case 'costDifference': case 'defaultStrategy': case 'recommendedStrategy': case 'recommendation':
                $this->scalars($this->reader->summary());
                return $this->$name;
        }
        throw new \Error('Undefined property: ' . self::class . "::\$$name");
    }

    /** @param array $d the plan's fields with JSON keys */
    private function scalars(array $d): void
    {
        $this->now = $d['now'];
        $this->locale = $d['locale'];
        $this->currency = $d['currency'];
        $this->policyHash = $d['policy_hash'];
        $this->subtotal = $d['subtotal'];
        $this->mixed = $d['mixed'];
        $this->costDifference = $d['cost_difference'];
        $this->defaultStrategy = $d['default_strategy'];
        $this->recommendedStrategy = $d['recommended_strategy'];
        $this->recommendation = $d['recommendation'];
    }

    public function __isset(string $name): bool
    {
        return property_exists($this, $name) && !in_array($name, ['data', 'json', 'reader'], true);
    }

    /**
     * A plan kept as JSON (its json(), e.g. in the session between the checkout page and the order), to
     * record consent with. The text is kept as it is; consent() checks it.
     *
     * @throws Exception BO_EINVALID at "plan" when the text is not a checkout plan
     */
    public static function fromJson(string $json): self
    {
        $data = json_decode($json, true, 64);
        return self::make($json, $data);
    }

    /** A plan from its toArray() (or a decoded json()). */
    public static function fromArray(array $plan): self
    {
        return self::make(Call::encode($plan, 'plan'), $plan);
    }

    /**
     * @internal Plans a checkout the library keeps: bo_engine_checkout or bo_promises_checkout
     * (bo_checkout **out, handle, request, len), read through the typed structs when read.
     */
    public static function plan(string $function, \FFI\CData $on, string $request): self
    {
        $ffi = Library::ffi();
        $out = $ffi->new('bo_checkout*');
        $status = $ffi->$function(\FFI::addr($out), $on, $request, strlen($request));
        if ($status !== Constants::BO_OK) {
            throw Exception::fromLastError($ffi, $status);
        }
        return new self(null, null, new CheckoutReader($ffi, new CheckoutHandle($ffi, $out)));
    }

    /** The plan as json_decode() makes of its JSON; for a plan the library keeps, read without the JSON. */
    private function data(): array
    {
        return $this->data ??= $this->reader !== null
            ? CheckoutArrays::of($this->reader)
            : json_decode($this->json, true, 64, JSON_THROW_ON_ERROR);
    }

    private static function make(string $json, mixed $data): self
    {
        if (!is_array($data) || array_is_list($data)) {
            throw Exception::invalid('plan', 'expected a checkout plan as the engine gave it (JSON object)');
        }
        foreach (['now' => 'is_string', 'locale' => 'is_string', 'currency' => 'is_string',
                  'policy_hash' => 'is_string', 'subtotal' => 'is_int', 'mixed' => 'is_bool',
                  'cost_difference' => 'is_int', 'default_strategy' => 'is_string',
                  'recommended_strategy' => 'is_string', 'recommendation' => 'is_string',
                  'lines' => 'is_array', 'strategies' => 'is_array', 'disclosures' => 'is_array'] as $key => $is) {
            if (!array_key_exists($key, $data) || !$is($data[$key])) {
                throw Exception::invalid("plan.$key", 'missing or of the wrong type: not a checkout plan as the engine gave it');
            }
        }
        return new self($json, $data);
    }

    /** @return list<CheckoutLine> in cart order (the same as $plan->lines) */
    public function lines(): array
    {
        return $this->lines;
    }

    /** One line by its line_id, or null. */
    public function line(string $lineId): ?CheckoutLine
    {
        foreach ($this->lines as $l) {
            if ($l->lineId === $lineId) {
                return $l;
            }
        }
        return null;
    }

    /** @return list<Strategy> (the same as $plan->strategies) */
    public function strategies(): array
    {
        return $this->strategies;
    }

    /**
     * A strategy by id ("ship_available", "ship_together"); null: the default one. Null when the plan does not
     * offer it (a cart that does not mix has only "ship_together").
     */
    public function strategy(?string $id = null): ?Strategy
    {
        $id ??= $this->defaultStrategy;
        foreach ($this->strategies() as $s) {
            if ($s->id === $id) {
                return $s;
            }
        }
        return null;
    }

    /** The strategy the policy recommends for this cart. */
    public function recommended(): Strategy
    {
        return $this->strategy($this->recommendedStrategy) ?? $this->strategies()[0];
    }

    /** @return list<Disclosure> (the same as $plan->disclosures) */
    public function disclosures(): array
    {
        return $this->disclosures;
    }

    /**
     * Records what the shopper saw and chose (bo_consent_json): the record to keep with the order.
     *
     *     $record = $plan->consent('ship_available', ['1' => 'wait', '4' => ['alternative' => 'JKT-OLIVE-M']]);
     *     $db->store($orderId, $record->json());
     *
     * @param string|null $strategy one the plan offers; null: the plan's default
     * @param array<string, string|array{alternative: string}|Alternative> $lines line_id => one of that line's options
     *        ("wait", "notify_me", "remove", or ['alternative' => SKU] or the Alternative itself for an
     *        offered alternative); unlisted
     *        lines keep "wait" (or "buy" when they ship now)
     * @param \DateTimeInterface|string|null $now when the shopper chose; a string is ISO 8601; null is now
     * @throws Exception BO_EINVALID with every problem's path ("choice.strategy", "choice.lines.1.alternative")
     */
    public function consent(
        ?string $strategy = null,
        array $lines = [],
        \DateTimeInterface|string|null $now = null,
    ): ConsentRecord {
        $choice = [];
        if ($strategy !== null) {
            $choice['strategy'] = $strategy;
        }
        if ($lines !== []) {
            foreach ($lines as $id => $pick) {
                if ($pick instanceof Alternative) {
                    $lines[$id] = ['alternative' => $pick->sku];
                }
            }
            $choice['lines'] = (object) $lines; // line ids are keys, even "0" or "1"
        }
        $now = is_string($now) ? $now : Engine::iso8601($now ?? new \DateTimeImmutable('now'));
        // The plan goes in as the library gave it: no second encoding of the largest part of the request.
        $request = '{"plan":' . $this->json() . ',"choice":' . Call::encode((object) $choice, 'choice')
            . ',"now":' . Call::encode($now, 'now') . '}';
        return ConsentRecord::fromLibrary(Call::json('bo_consent_json', $request));
    }

    /** The plan as the library gave it, decoded: the docs/json.md shape, key for key. */
    public function toArray(): array
    {
        return $this->data();
    }

    public function jsonSerialize(): array
    {
        return $this->data();
    }

    /** The library's JSON text, as it came: keep it to record consent later (CheckoutPlan::fromJson()). */
    public function json(): string
    {
        return $this->json ??= $this->reader->json();
    }
}
