<?php

declare(strict_types=1);

namespace Backorder;

/** One parcel of a checkout strategy: what is in it, when it ships and arrives, and its shipping charge. */
final readonly class Shipment
{
    /** @param list<ShipmentItem> $items */
    public function __construct(
        public array $items,
        public Window $ship,       // 2026-12-10 .. 2026-12-14
        public Window $delivery,   // 2026-12-14 .. 2026-12-21
        public int $charge,        // minor units of the plan's currency (595 = $5.95), before who pays is decided
    ) {
    }

    public static function fromArray(array $a): self
    {
        $items = [];
        foreach ($a['items'] as $i) {
            $items[] = ShipmentItem::fromArray($i);
        }
        return new self($items, Window::fromArray($a['ship']), Window::fromArray($a['delivery']), (int) $a['charge']);
    }

    /** @return list<string> the cart lines in this shipment */
    public function lineIds(): array
    {
        return array_map(static fn (ShipmentItem $i) => $i->lineId, $this->items);
    }

    /** The JSON shape, in the library's key order. */
    public function toArray(): array
    {
        return [
            'charge' => $this->charge,
            'delivery' => $this->delivery->toArray(),
            'items' => array_map(static fn (ShipmentItem $i) => $i->toArray(), $this->items),
            'ship' => $this->ship->toArray(),
        ];
    }
}
