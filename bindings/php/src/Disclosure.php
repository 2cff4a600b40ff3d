<?php

declare(strict_types=1);

namespace Backorder;

/**
 * A text a checkout page must show (docs/json.md#checkout, "disclosures"), in the shopper's language.
 * kind: "backorder" or "preorder" (about one line: lineId), "cancellation", "payment".
 */
final readonly class Disclosure
{
    public function __construct(
        public string $kind,      // "backorder"
        public string $text,      // "1 unit of Field jacket, navy, M is on backorder, expected to ship Dec 10 – 14."
        public ?string $lineId,   // the cart line it is about, or null
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self((string) $a['kind'], (string) $a['text'], isset($a['line_id']) ? (string) $a['line_id'] : null);
    }

    /** The JSON shape, in the library's key order (line_id only when there is one). */
    public function toArray(): array
    {
        $a = ['kind' => $this->kind];
        if ($this->lineId !== null) {
            $a['line_id'] = $this->lineId;
        }
        $a['text'] = $this->text;
        return $a;
    }
}
