<?php

declare(strict_types=1);

namespace Backorder;

/**
 * One way to ship a checkout (docs/json.md#checkout, "strategies"): "ship_available" (what is in stock now,
 * the rest as it comes) or "ship_together" (everything at once, at the latest window).
 */
final readonly class Strategy
{
    public const SHIP_AVAILABLE = 'ship_available';
    public const SHIP_TOGETHER = 'ship_together';

    /** @param list<Shipment> $shipments in shipping order */
    public function __construct(
        public string $id,            // "ship_available"
        public array $shipments,
        public int $shippingTotal,    // every shipment's charge
        public int $customerPays,     // of which the shopper pays (0 over the free-shipping threshold)
        public int $shopPays,         // and the shop
        public Window $complete,      // when the last shipment leaves
        public Payment $payment,
        public string $disclosure,    // "Items in stock ship Dec 1; the rest follows Dec 10 – 14 in a second shipment."
    ) {
    }

    public static function fromArray(array $a): self
    {
        $shipments = [];
        foreach ($a['shipments'] as $s) {
            $shipments[] = Shipment::fromArray($s);
        }
        return new self(
            (string) $a['id'],
            $shipments,
            (int) $a['shipping_total'],
            (int) $a['customer_pays'],
            (int) $a['shop_pays'],
            Window::fromArray($a['complete']),
            Payment::fromArray($a['payment']),
            (string) $a['disclosure'],
        );
    }

    /** The JSON shape, in the library's key order. */
    public function toArray(): array
    {
        return [
            'complete' => $this->complete->toArray(),
            'customer_pays' => $this->customerPays,
            'disclosure' => $this->disclosure,
            'id' => $this->id,
            'payment' => $this->payment->toArray(),
            'shipments' => array_map(static fn (Shipment $s) => $s->toArray(), $this->shipments),
            'shipping_total' => $this->shippingTotal,
            'shop_pays' => $this->shopPays,
        ];
    }
}
