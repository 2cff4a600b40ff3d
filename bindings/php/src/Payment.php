<?php

declare(strict_types=1);

namespace Backorder;

/**
 * Payment advice of a strategy: "authorize_now" when the last shipment leaves at least a day before the card
 * authorization expires, otherwise "charge_at_shipment" or "charge_now" (the policy's checkout.beyond_authorization).
 */
final readonly class Payment
{
    public function __construct(
        public string $advice,                // "charge_at_shipment"
        public string $latestShip,            // "2026-12-14": the last day the last shipment may leave
        public string $authorizationExpires,  // "2026-12-07T09:00:00-05:00"
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self((string) $a['advice'], (string) $a['latest_ship'], (string) $a['authorization_expires']);
    }

    /** The JSON shape, in the library's key order. */
    public function toArray(): array
    {
        return [
            'advice' => $this->advice,
            'authorization_expires' => $this->authorizationExpires,
            'latest_ship' => $this->latestShip,
        ];
    }
}
