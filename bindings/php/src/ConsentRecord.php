<?php

declare(strict_types=1);

namespace Backorder;

/**
 * What the shopper saw and chose at checkout (docs/json.md#consent-bo_consent_json), to keep with the order:
 * the strategy, its shipments, charge and payment advice, each line's choice with the text and window shown,
 * every disclosure, the locale, the time, and the hash of the policy in force. Immutable.
 *
 *     $record = $plan->consent('ship_available');
 *     $db->store($orderId, $record->json());                 // canonical JSON: sorted keys, no spaces
 *     $again = ConsentRecord::check($db->load($orderId));    // checked; $again->json() === $record->json()
 */
final readonly class ConsentRecord implements \JsonSerializable
{
    /**
     * @param list<Shipment> $shipments of the chosen strategy
     * @param list<ConsentLine> $lines in cart order
     * @param list<string> $disclosures every text shown: the strategy's first, then the plan's
     */
    public function __construct(
        public int $version,             // 1
        public string $recordedAt,       // "2026-11-30T14:05:00+00:00"
        public string $planAt,           // the plan's now
        public string $policyHash,
        public string $locale,
        public string $currency,
        public string $strategy,         // "ship_available"
        public array $shipments,
        public int $customerPays,
        public Payment $payment,
        public array $lines,
        public array $disclosures,
        private string $json,
    ) {
    }

    /**
     * Checks a stored record (bo_consent_check_json) and returns it; its json() is the canonical form, so a
     * record written with json() reads back byte for byte.
     *
     * @param string|array $record the JSON text (any spacing or key order), or its decoded array
     * @throws Exception BO_EINVALID with every problem's path ("consent.lines[0].choice")
     */
    public static function check(string|array $record): self
    {
        $json = is_array($record) ? Call::encode((object) $record, 'consent') : $record;
        return self::fromLibrary(Call::json('bo_consent_check_json', $json));
    }

    /** @internal the library's canonical record */
    public static function fromLibrary(string $json): self
    {
        $a = json_decode($json, true, 64, JSON_THROW_ON_ERROR);
        $shipments = [];
        foreach ($a['shipments'] as $s) {
            $shipments[] = Shipment::fromArray($s);
        }
        $lines = [];
        foreach ($a['lines'] as $l) {
            $lines[] = ConsentLine::fromArray($l);
        }
        return new self(
            (int) $a['version'],
            (string) $a['recorded_at'],
            (string) $a['plan_at'],
            (string) $a['policy_hash'],
            (string) $a['locale'],
            (string) $a['currency'],
            (string) $a['strategy'],
            $shipments,
            (int) $a['customer_pays'],
            Payment::fromArray($a['payment']),
            $lines,
            array_map('strval', $a['disclosures']),
            $json,
        );
    }

    /** One line by its line_id, or null. */
    public function line(string $lineId): ?ConsentLine
    {
        foreach ($this->lines as $l) {
            if ($l->lineId === $lineId) {
                return $l;
            }
        }
        return null;
    }

    /** The canonical JSON text (sorted keys, no spaces), exactly as the library wrote it: store this. */
    public function json(): string
    {
        return $this->json;
    }

    /** The JSON shape, key for key (windows in Window::toArray()'s key order). */
    public function toArray(): array
    {
        return [
            'currency' => $this->currency,
            'customer_pays' => $this->customerPays,
            'disclosures' => $this->disclosures,
            'lines' => array_map(static fn (ConsentLine $l) => $l->toArray(), $this->lines),
            'locale' => $this->locale,
            'payment' => $this->payment->toArray(),
            'plan_at' => $this->planAt,
            'policy_hash' => $this->policyHash,
            'recorded_at' => $this->recordedAt,
            'shipments' => array_map(static fn (Shipment $s) => $s->toArray(), $this->shipments),
            'strategy' => $this->strategy,
            'version' => $this->version,
        ];
    }

    public function jsonSerialize(): array
    {
        return $this->toArray();
    }
}
