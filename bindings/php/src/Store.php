<?php

declare(strict_types=1);

namespace Backorder;

/**
 * One shop's ledger (a bo_store, docs/store.md): events are applied in transactions, the promises they touch
 * are recomputed, and the customer messages they call for are written to an outbox that the host drains and
 * sends itself. The shop is the engine's policy "shop": two shops may share a database and never see each
 * other's rows.
 *
 *     $store = $engine->store('sqlite:/var/lib/shop/ledger.db', secret: $config['backorder_secret']);
 *     $store->apply(['id' => 'evt-1', 'type' => 'order_placed', 'at' => $now, 'order' => $order,
 *                    'consent' => $record]);
 *     foreach ($store->claim() as $message) {
 *         $mailer->send($message->recipient, $message->subject, $message->text, $message->html);
 *         $store->ack($message);
 *     }
 *
 * URLs: "sqlite:PATH", "sqlite::memory:" or "postgresql://...". The handle is released by close() or when
 * the object goes away; a call after close() throws. One thread at a time.
 *
 * Inputs that are arrays: a null value means "not given", and a DateTimeInterface is written as an instant
 * (ISO 8601 with offset) under "at", "now" and "placed_at" and as a civil date ("2026-12-21") anywhere else.
 */
final class Store
{
    private const INSTANT_KEYS = ['at' => true, 'now' => true, 'placed_at' => true];

    private readonly \FFI $ffi;
    /** bo_store*, owned */
    private ?\FFI\CData $handle = null;

    /**
     * @param string|null $secret signs the links in messages (16 bytes or more, from configuration); without
     *                            one, notify-me subscriptions are refused
     * @param int $busyTimeoutMs how long a SQLite writer waits for another process's lock
     * @throws Exception BO_EINVALID at "url" (a URL it cannot open; the URL is not repeated) or "options.secret"
     */
    public function __construct(
        private readonly Engine $engine,
        string $url,
        ?string $secret = null,
        int $busyTimeoutMs = 10000,
    ) {
        $options = ['busy_timeout_ms' => $busyTimeoutMs];
        if ($secret !== null) {
            $options['secret'] = $secret;
        }
        $json = Call::encode($options, 'options');
        $ffi = $this->ffi = Library::ffi();
        $out = $ffi->new('bo_store*');
        $status = $ffi->bo_store_open(\FFI::addr($out), $engine->handle(), $url, strlen($url), $json, strlen($json));
        if ($status !== Constants::BO_OK) {
            throw Exception::fromLastError($ffi, $status);
        }
        $this->handle = $out;
    }

    public function __destruct()
    {
        $this->close();
    }

    /** Releases the connection now. Further calls throw; closing again does nothing. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $this->ffi->bo_store_free($this->handle);
            $this->handle = null;
        }
    }

    public function isClosed(): bool
    {
        return $this->handle === null;
    }

    /** The engine the store was opened with (its policy names the shop). */
    public function engine(): Engine
    {
        return $this->engine;
    }

    /**
     * Applies one event or a list of events (all in one transaction) and says what each did. An event id
     * applied before is skipped ("duplicate"). A bad event throws and nothing of the call is applied.
     *
     *     $store->apply(['id' => 'po-7001-slip', 'type' => 'supply_changed', 'at' => '2026-12-07T11:00:00-05:00',
     *                    'supply' => ['id' => 'PO-7001', 'expected' => '2026-12-21']]);
     *
     * @param array|string $events an event (array), a list of events, or their JSON text (docs/store.md#events)
     * @return list<ApplyResult> one per event, in order
     * @throws Exception with the path of the value at fault ("order.lines[0].sku"; "[3].order.lines[0].sku"
     *                   in a list)
     */
    public function apply(array|string $events): array
    {
        $json = is_string($events) ? $events : Call::encode(self::normalize($events), 'events');
        $results = [];
        foreach ($this->call('bo_store_apply_json', $json)['results'] ?? [] as $r) {
            $results[] = ApplyResult::fromArray($r);
        }
        return $results;
    }

    /**
     * Time passing (docs/store.md#compliance-scheduling): a "tick" event at $now (default: the current time).
     * Every waiting line's promise is recomputed, the delay notices the compliance rules require are written,
     * and orders that count as cancelled by the rules are cancelled with their exact refund. The event id
     * defaults to "tick:" . $now, so ticking twice at the same moment is a no-op.
     */
    public function tick(\DateTimeInterface|string|null $now = null, ?string $id = null): ApplyResult
    {
        $at = self::now($now);
        return $this->apply(['id' => $id ?? 'tick:' . $at, 'type' => 'tick', 'at' => $at])[0];
    }

    /**
     * Hands out up to $max messages due at $now, oldest first and at most one per order at a time, each leased
     * for $leaseSeconds. ack() each once sent, or release() it; a lease that runs out makes a message claimable
     * again (delivery is at least once: drop repeats by their key).
     *
     * @param \DateTimeInterface|string|null $now ISO 8601 with an offset; null is now
     * @return list<Message>
     */
    public function claim(int $max = 10, int $leaseSeconds = 60, \DateTimeInterface|string|null $now = null): array
    {
        $request = ['max' => $max, 'lease_seconds' => $leaseSeconds, 'now' => self::now($now)];
        return self::messages($this->call('bo_store_claim_json', Call::encode($request, 'request')));
    }

    /**
     * Marks messages sent: never handed out again. Unknown ids (and another shop's) are ignored.
     *
     * @param Message|int|iterable<Message|int> $messages messages or their ids
     */
    public function ack(Message|int|iterable $messages): void
    {
        $this->settle('bo_store_ack', $messages);
    }

    /**
     * Makes claimed messages claimable again at once. Unknown ids are ignored.
     *
     * @param Message|int|iterable<Message|int> $messages messages or their ids
     */
    public function release(Message|int|iterable $messages): void
    {
        $this->settle('bo_store_release', $messages);
    }

    /**
     * The outbox without leasing, oldest first.
     *
     * @param string|null $state "pending", "leased" or "sent"; null for every message
     * @param \DateTimeInterface|string|null $now what "leased" means depends on it; null is now
     * @return list<Message>
     */
    public function outbox(?string $state = null, int $limit = 100, \DateTimeInterface|string|null $now = null): array
    {
        $request = ['state' => $state ?? '', 'limit' => $limit, 'now' => self::now($now)];
        return self::messages($this->call('bo_store_outbox_json', Call::encode($request, 'request')));
    }

    /**
     * An order as the ledger knows it (docs/store.md#reads): lines with quantity, shipped, cancelled, waiting
     * and the promised, ship and told windows; the customer, the consent record, shipments and remedies.
     *
     * @throws Exception BO_ENOTFOUND at "order_id" for an order this shop does not have
     */
    public function order(string $orderId): array
    {
        return $this->call('bo_store_order_json', $orderId);
    }

    /**
     * Labels over the ledger's facts: a backorder's window is where a new shopper would stand behind the
     * waiting orders.
     *
     * @param string|list<string> $skus one sku or several, in the order wanted
     * @param \DateTimeInterface|string|null $now null is now
     * @param string|null $locale BCP 47 ("de-DE"); null for the policy's
     * @return list<Label>
     * @throws Exception BO_EINVALID at "skus[1]" for an sku the ledger does not have
     */
    public function labels(
        string|array $skus,
        \DateTimeInterface|string|null $now = null,
        ?string $locale = null,
        int $quantity = 1,
    ): array {
        $skus = is_string($skus) ? [$skus] : $skus;
        if (!array_is_list($skus)) {
            throw Exception::invalid('skus', 'expected a list of skus');
        }
        $request = ['now' => self::now($now), 'skus' => $skus, 'quantity' => $quantity];
        if ($locale !== null) {
            $request['locale'] = $locale;
        }
        $labels = [];
        foreach ($this->call('bo_store_labels_json', Call::encode($request, 'request'))['labels'] ?? [] as $a) {
            $labels[] = Label::fromArray($a);
        }
        return $labels;
    }

    /**
     * Plans a checkout over the ledger's facts, as PromiseBook::checkout() does over a book's; its consent()
     * record goes into the "order_placed" event.
     *
     * @param array $cart {currency, lines: [{line_id, sku, quantity, unit_price}]}; null values are "not given"
     * @param array|null $customer {locale, zone, tier}
     * @param \DateTimeInterface|string|null $now null is now
     * @throws Exception BO_EINVALID with every problem's path (getErrors(): "cart.lines[0].sku", ...)
     */
    public function checkout(
        array $cart,
        ?array $customer = null,
        \DateTimeInterface|string|null $now = null,
        ?string $locale = null,
    ): CheckoutPlan {
        $request = ['now' => self::now($now), 'cart' => self::normalize($cart)];
        if ($customer !== null) {
            $request['customer'] = $customer === [] ? new \stdClass() : self::normalize($customer);
        }
        if ($locale !== null) {
            $request['locale'] = $locale;
        }
        return CheckoutPlan::fromJson(Call::json('bo_store_checkout_json', Call::encode($request, 'request'), $this->handle()));
    }

    /**
     * What a support agent can say and offer for an order (bo_store_brief_json, docs/store.md#support-desk-and-report),
     * in the agent's language: "text" for reading, and the same as data: "status", "acknowledgement", "lines"
     * (each waiting line's date and its source against the promise), "options", "remedies" ("may_offer" within
     * the budgets, "granted", "outreach"), "policy", "next_steps". Reads only.
     *
     * @param \DateTimeInterface|string|null $now null is now
     * @param string|null $locale BCP 47 ("de-DE"); null for the policy's
     * @throws Exception BO_ENOTFOUND at "order_id" for an order this shop does not have
     */
    public function brief(string $orderId, \DateTimeInterface|string|null $now = null, ?string $locale = null): array
    {
        $request = ['order_id' => $orderId, 'now' => self::now($now)];
        if ($locale !== null) {
            $request['locale'] = $locale;
        }
        return $this->call('bo_store_brief_json', Call::encode($request, 'request'));
    }

    /**
     * The merchant report (bo_store_report_json): "totals" and, per item with waiting orders, the units and
     * orders waiting, the oldest wait, the promises at risk, the next inbound supply and the deadlines coming due.
     *
     * @param \DateTimeInterface|string|null $now null is now
     */
    public function report(\DateTimeInterface|string|null $now = null): array
    {
        return $this->call('bo_store_report_json', Call::encode(['now' => self::now($now)], 'request'));
    }

    /** @internal the bo_store* handle */
    public function handle(): \FFI\CData
    {
        if ($this->handle === null) {
            throw new Exception('the store is closed', Constants::BO_EINVALID);
        }
        return $this->handle;
    }

    private function call(string $function, string $input): array
    {
        return json_decode(Call::json($function, $input, $this->handle()), true, 512, JSON_THROW_ON_ERROR);
    }

    /** @param Message|int|iterable<Message|int> $messages */
    private function settle(string $function, Message|int|iterable $messages): void
    {
        $ids = [];
        foreach (is_iterable($messages) ? $messages : [$messages] as $i => $m) {
            if ($m instanceof Message) {
                $ids[] = $m->id;
            } elseif (is_int($m)) {
                $ids[] = $m;
            } else {
                throw Exception::invalid("ids[$i]", 'expected a Message or a message id, not ' . get_debug_type($m));
            }
        }
        $handle = $this->handle();
        $ffi = $this->ffi;
        $array = null;
        if ($ids !== []) {
            $array = $ffi->new('int64_t[' . count($ids) . ']');
            foreach ($ids as $k => $id) {
                $array[$k] = $id;
            }
        }
        $status = $ffi->$function($handle, $array, count($ids));
        if ($status !== Constants::BO_OK) {
            throw Exception::fromLastError($ffi, $status);
        }
    }

    /** @return list<Message> */
    private static function messages(array $answer): array
    {
        $messages = [];
        foreach ($answer['messages'] ?? [] as $m) {
            $messages[] = Message::fromArray($m);
        }
        return $messages;
    }

    private static function now(\DateTimeInterface|string|null $now): string
    {
        return is_string($now) ? $now : Engine::iso8601($now ?? new \DateTimeImmutable('now'));
    }

    /** Drops null values of string-keyed arrays and writes dates as the library reads them (class comment). */
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
        return $object && $a === [] ? new \stdClass() : $a;
    }
}
