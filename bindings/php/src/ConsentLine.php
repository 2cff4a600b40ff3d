<?php

declare(strict_types=1);

namespace Backorder;

/** One line of a consent record: what the shopper saw for it and chose. */
final readonly class ConsentLine
{
    public function __construct(
        public string $lineId,
        public string $sku,
        public int $quantity,
        public int $unitPrice,
        public string $choice,          // "buy" (shipped now), "wait", "notify_me", "remove" or "alternative"
        public ?string $alternative,    // the sku chosen instead, for "alternative"
        public string $status,          // the label's status the shopper saw: "backorder"
        public string $text,            // and its text: "Backorder – ships in 10–14 days"
        public ?Window $laterWindow,    // the window promised for what waits
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self(
            (string) $a['line_id'],
            (string) $a['sku'],
            (int) $a['quantity'],
            (int) $a['unit_price'],
            (string) $a['choice'],
            isset($a['alternative']) ? (string) $a['alternative'] : null,
            (string) $a['status'],
            (string) $a['text'],
            isset($a['later_window']) ? Window::fromArray($a['later_window']) : null,
        );
    }

    /** The JSON shape, in the library's key order (alternative only when there is one). */
    public function toArray(): array
    {
        $a = [];
        if ($this->alternative !== null) {
            $a['alternative'] = $this->alternative;
        }
        return $a + [
            'choice' => $this->choice,
            'later_window' => $this->laterWindow?->toArray(),
            'line_id' => $this->lineId,
            'quantity' => $this->quantity,
            'sku' => $this->sku,
            'status' => $this->status,
            'text' => $this->text,
            'unit_price' => $this->unitPrice,
        ];
    }
}
