<?php

declare(strict_types=1);

namespace Backorder;

/**
 * One availability label (docs/json.md#label), immutable. Property names are the JSON fields in camelCase;
 * merchant.availability and merchant.availability_date are merchantAvailability and availabilityDate.
 * toArray() gives the JSON shape back.
 */
final readonly class Label
{
    /** status_code => status, as BO_AVAILABILITY_* and docs/json.md name them */
    public const STATUS_NAMES = [
        1 => 'in_stock',
        2 => 'low_stock',
        3 => 'backorder',
        4 => 'preorder',
        5 => 'out_of_stock',
        6 => 'discontinued',
    ];

    public function __construct(
        public string $sku,
        public string $status,             // "backorder"
        public int $statusCode,            // Constants::BO_AVAILABILITY_BACKORDER
        public string $text,               // "Backorder – ships in 10–14 days"
        public string $shortText,          // "Ships Dec 10 – 14"
        public int $quantity,
        public int $sellable,
        public int $shipNow,
        public int $later,
        public int $unavailable,
        public bool $notifyMe,
        public ?Window $nowWindow,         // null when nothing ships now
        public ?Window $laterWindow,       // null when nothing waits
        public string $schemaOrg,          // "https://schema.org/BackOrder"
        public string $merchantAvailability, // Google Merchant: "backorder"
        public ?string $availabilityDate,  // "2026-12-10T00:00:00-05:00", for backorder and pre-order only
    ) {
    }

    /** From the library's JSON answer (docs/json.md#label). */
    public static function fromArray(array $a): self
    {
        $merchant = $a['merchant'] ?? [];
        return new self(
            (string) $a['sku'],
            (string) $a['status'],
            (int) $a['status_code'],
            (string) $a['text'],
            (string) $a['short_text'],
            (int) $a['quantity'],
            (int) $a['sellable'],
            (int) $a['ship_now'],
            (int) $a['later'],
            (int) $a['unavailable'],
            (bool) $a['notify_me'],
            isset($a['now_window']) ? Window::fromArray($a['now_window']) : null,
            isset($a['later_window']) ? Window::fromArray($a['later_window']) : null,
            (string) $a['schema_org'],
            (string) ($merchant['availability'] ?? ''),
            isset($merchant['availability_date']) && $merchant['availability_date'] !== ''
                ? (string) $merchant['availability_date'] : null,
        );
    }

    /** The docs/json.md shape: json_encode($label->toArray()) is what the C ABI would answer. */
    public function toArray(): array
    {
        $merchant = ['availability' => $this->merchantAvailability];
        if ($this->availabilityDate !== null) {
            $merchant['availability_date'] = $this->availabilityDate;
        }
        return [
            'sku' => $this->sku,
            'status' => $this->status,
            'status_code' => $this->statusCode,
            'text' => $this->text,
            'short_text' => $this->shortText,
            'quantity' => $this->quantity,
            'sellable' => $this->sellable,
            'ship_now' => $this->shipNow,
            'later' => $this->later,
            'unavailable' => $this->unavailable,
            'notify_me' => $this->notifyMe,
            'now_window' => $this->nowWindow?->toArray(),
            'later_window' => $this->laterWindow?->toArray(),
            'schema_org' => $this->schemaOrg,
            'merchant' => $merchant,
        ];
    }
}
