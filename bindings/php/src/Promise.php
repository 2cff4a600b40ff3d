<?php

declare(strict_types=1);

namespace Backorder;

/**
 * When one waiting line ships and arrives, and how sure that is (docs/json.md#promises): the "before" and
 * "after" of a Delta. LinePromise carries the same fields plus the line's ids and parts.
 */
final readonly class Promise
{
    public function __construct(
        public Window $ship,        // 2026-12-14 .. 2026-12-16
        public Window $delivery,    // ship plus the first shipping method's transit days for the line's zone
        public string $source,      // "stock", "inbound" or "lead_time" (of the line's last unit)
        public string $confidence,  // "high" (stock), "medium" (confirmed supply), "low"
        public int $linesAhead,     // the queue position: lines served before this one
        public int $unitsAhead,
        public bool $lateSupply,    // served by a supply already past its expected window
    ) {
    }

    /** From the library's JSON (a delta's "before" or "after"). */
    public static function fromArray(array $a): self
    {
        return new self(
            Window::fromArray($a['ship']),
            Window::fromArray($a['delivery']),
            (string) $a['source'],
            (string) $a['confidence'],
            (int) $a['lines_ahead'],
            (int) $a['units_ahead'],
            (bool) $a['late_supply'],
        );
    }

    /** The docs/json.md shape. */
    public function toArray(): array
    {
        return [
            'ship' => $this->ship->toArray(),
            'delivery' => $this->delivery->toArray(),
            'source' => $this->source,
            'confidence' => $this->confidence,
            'lines_ahead' => $this->linesAhead,
            'units_ahead' => $this->unitsAhead,
            'late_supply' => $this->lateSupply,
        ];
    }
}
