<?php

declare(strict_types=1);

namespace Backorder;

/** An open inbound supply (purchase order, transfer) and the window in which its units can ship. */
final readonly class SupplyPromise
{
    public function __construct(
        public string $id,          // "PO-1001"
        public string $sku,
        public int $quantity,
        public Window $ship,        // arrival + receiving + handling, widened by the supplier's lateness
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self((string) $a['id'], (string) $a['sku'], (int) $a['quantity'], Window::fromArray($a['ship']));
    }

    /** The docs/json.md shape. */
    public function toArray(): array
    {
        return ['id' => $this->id, 'sku' => $this->sku, 'quantity' => $this->quantity, 'ship' => $this->ship->toArray()];
    }
}
