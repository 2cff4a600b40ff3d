<?php

declare(strict_types=1);

namespace Backorder;

/** Units of one cart line in a shipment. */
final readonly class ShipmentItem
{
    public function __construct(
        public string $lineId,
        public int $quantity,
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self((string) $a['line_id'], (int) $a['quantity']);
    }

    /** @return array{line_id: string, quantity: int} */
    public function toArray(): array
    {
        return ['line_id' => $this->lineId, 'quantity' => $this->quantity];
    }
}
