<?php

declare(strict_types=1);

namespace Backorder;

/**
 * What one line gives back for the units cancelled now, in minor units. total = items - discount + tax + deposit
 * when prices exclude tax, items - discount + deposit when they include it (tax is then the part that was tax).
 * A pre-order line that took only a deposit refunds the deposit's share and nothing else.
 */
final readonly class RefundLine
{
    public function __construct(
        public string $lineId,
        public string $sku,      // "" when the order did not say
        public int $quantity,    // units cancelled now
        public int $items,       // unit price × quantity
        public int $discount,    // their share of the order's discounts (subtracted)
        public int $tax,
        public int $deposit,
        public int $total,
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self(
            (string) $a['line_id'],
            (string) $a['sku'],
            (int) $a['quantity'],
            (int) $a['items'],
            (int) $a['discount'],
            (int) $a['tax'],
            (int) $a['deposit'],
            (int) $a['total'],
        );
    }

    /** The JSON shape, in the library's key order. */
    public function toArray(): array
    {
        return [
            'deposit' => $this->deposit,
            'discount' => $this->discount,
            'items' => $this->items,
            'line_id' => $this->lineId,
            'quantity' => $this->quantity,
            'sku' => $this->sku,
            'tax' => $this->tax,
            'total' => $this->total,
        ];
    }
}
