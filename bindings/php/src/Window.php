<?php

declare(strict_types=1);

namespace Backorder;

/** A ship window: civil dates in the store's time zone and days counted from today in the policy's unit. */
final readonly class Window
{
    public function __construct(
        public string $from,   // "2026-12-10"
        public string $to,     // "2026-12-14"
        public int $minDays,
        public int $maxDays,
    ) {
    }

    /** @param array{from: string, to: string, min_days: int, max_days: int} $a */
    public static function fromArray(array $a): self
    {
        return new self((string) $a['from'], (string) $a['to'], (int) $a['min_days'], (int) $a['max_days']);
    }

    /** @return array{from: string, to: string, min_days: int, max_days: int} as in docs/json.md */
    public function toArray(): array
    {
        return ['from' => $this->from, 'to' => $this->to, 'min_days' => $this->minDays, 'max_days' => $this->maxDays];
    }
}
