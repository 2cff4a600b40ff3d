<?php

declare(strict_types=1);

namespace Backorder;

/** The units of a line served by one source: stock, one inbound supply (supplyId), or the lead time. */
final readonly class PromisePart
{
    public function __construct(
        public string $source,      // "stock", "inbound" or "lead_time"
        public ?string $supplyId,   // "PO-1001" for inbound, else null
        public int $quantity,
        public string $from,        // ship window of these units: "2026-12-14"
        public string $to,
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self(
            (string) $a['source'],
            isset($a['supply_id']) ? (string) $a['supply_id'] : null,
            (int) $a['quantity'],
            (string) $a['from'],
            (string) $a['to'],
        );
    }

    /** The docs/json.md shape (supply_id only for inbound parts). */
    public function toArray(): array
    {
        $a = ['source' => $this->source];
        if ($this->supplyId !== null) {
            $a['supply_id'] = $this->supplyId;
        }
        return $a + ['quantity' => $this->quantity, 'from' => $this->from, 'to' => $this->to];
    }
}
