<?php

declare(strict_types=1);

namespace Backorder;

/**
 * One waiting order line and its promise (docs/json.md#promises, "lines"), immutable. Property names are the
 * JSON fields in camelCase; toArray() gives the JSON shape back.
 */
final readonly class LinePromise
{
    /** @param list<PromisePart> $parts where the line's units come from, in order */
    public function __construct(
        public string $orderId,     // "A-1001"
        public string $lineId,      // "1"
        public string $sku,
        public int $quantity,
        public Window $ship,        // 2026-12-14 .. 2026-12-16
        public Window $delivery,
        public string $source,      // "stock", "inbound" or "lead_time"
        public string $confidence,  // "high", "medium" or "low"
        public int $linesAhead,     // "12 orders ahead of you"
        public int $unitsAhead,
        public bool $lateSupply,
        public array $parts,
    ) {
    }

    public static function fromArray(array $a): self
    {
        $parts = [];
        foreach ($a['parts'] ?? [] as $p) {
            $parts[] = PromisePart::fromArray($p);
        }
        return new self(
            (string) $a['order_id'],
            (string) $a['line_id'],
            (string) $a['sku'],
            (int) $a['quantity'],
            Window::fromArray($a['ship']),
            Window::fromArray($a['delivery']),
            (string) $a['source'],
            (string) $a['confidence'],
            (int) $a['lines_ahead'],
            (int) $a['units_ahead'],
            (bool) $a['late_supply'],
            $parts,
        );
    }

    /** The promise alone, as a Delta's before/after carries it. */
    public function promise(): Promise
    {
        return new Promise(
            $this->ship,
            $this->delivery,
            $this->source,
            $this->confidence,
            $this->linesAhead,
            $this->unitsAhead,
            $this->lateSupply,
        );
    }

    /** The docs/json.md shape. */
    public function toArray(): array
    {
        return [
            'order_id' => $this->orderId,
            'line_id' => $this->lineId,
            'sku' => $this->sku,
            'quantity' => $this->quantity,
        ] + $this->promise()->toArray() + [
            'parts' => array_map(static fn (PromisePart $p) => $p->toArray(), $this->parts),
        ];
    }
}
