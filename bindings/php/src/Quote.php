<?php

declare(strict_types=1);

namespace Backorder;

/**
 * Where a new purchase would stand and when it would ship (docs/json.md#promises, "Quote"), immutable.
 * Nothing is reserved: the quote is the answer for a shopper looking at the product now.
 */
final readonly class Quote
{
    public function __construct(
        public string $sku,
        public int $quantity,
        public Window $ship,        // 2026-12-31 .. 2027-01-06
        public Window $delivery,
        public string $source,      // "stock", "inbound" or "lead_time" (of the last unit)
        public string $confidence,  // "high", "medium" or "low"
        public int $linesAhead,     // waiting lines served first
        public int $unitsAhead,
        public int $fromStock,      // units of this purchase that stock on hand covers
        public bool $lateSupply,
        public ?string $supplyId,   // the supply that serves the last unit, when inbound
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self(
            (string) $a['sku'],
            (int) $a['quantity'],
            Window::fromArray($a['ship']),
            Window::fromArray($a['delivery']),
            (string) $a['source'],
            (string) $a['confidence'],
            (int) $a['lines_ahead'],
            (int) $a['units_ahead'],
            (int) $a['from_stock'],
            (bool) $a['late_supply'],
            isset($a['supply_id']) ? (string) $a['supply_id'] : null,
        );
    }

    /** The docs/json.md shape (supply_id only when there is one). */
    public function toArray(): array
    {
        $a = [
            'sku' => $this->sku,
            'quantity' => $this->quantity,
            'ship' => $this->ship->toArray(),
            'delivery' => $this->delivery->toArray(),
            'source' => $this->source,
            'confidence' => $this->confidence,
            'lines_ahead' => $this->linesAhead,
            'units_ahead' => $this->unitsAhead,
            'from_stock' => $this->fromStock,
            'late_supply' => $this->lateSupply,
        ];
        if ($this->supplyId !== null) {
            $a['supply_id'] = $this->supplyId;
        }
        return $a;
    }
}
