<?php

declare(strict_types=1);

namespace Backorder;

/** An in-stock item offered instead of a line that waits, with its own label (docs/json.md#checkout). */
final readonly class Alternative
{
    public function __construct(
        public string $sku,     // "JKT-OLIVE-M"
        public string $name,    // "Field jacket, olive, M"
        public int $price,      // catalog price, minor units
        public Label $label,    // "In stock"
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self((string) $a['sku'], (string) $a['name'], (int) $a['price'], Label::fromArray($a['label']));
    }

    /** The JSON shape, in the library's key order. */
    public function toArray(): array
    {
        return ['label' => $this->label->toArray(), 'name' => $this->name, 'price' => $this->price, 'sku' => $this->sku];
    }
}
