<?php

declare(strict_types=1);

namespace Backorder;

/**
 * One line whose promise a change moved (docs/json.md#promises, "Changes"): the old promise beside the new,
 * or a removed line (after is null). A later step turns these into customer messages.
 */
final readonly class Delta
{
    public function __construct(
        public string $orderId,
        public string $lineId,
        public string $sku,
        public bool $removed,       // the line left the queue (order cancelled)
        public Promise $before,
        public ?Promise $after,     // null when removed
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self(
            (string) $a['order_id'],
            (string) $a['line_id'],
            (string) $a['sku'],
            (bool) $a['removed'],
            Promise::fromArray($a['before']),
            isset($a['after']) ? Promise::fromArray($a['after']) : null,
        );
    }

    /** The docs/json.md shape. */
    public function toArray(): array
    {
        return [
            'order_id' => $this->orderId,
            'line_id' => $this->lineId,
            'sku' => $this->sku,
            'removed' => $this->removed,
            'before' => $this->before->toArray(),
            'after' => $this->after?->toArray(),
        ];
    }
}
