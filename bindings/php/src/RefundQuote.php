<?php

declare(strict_types=1);

namespace Backorder;

/**
 * A refund quote (docs/json.md#refunds), exact to the minor unit: total = the lines' totals + shipping. Made by
 * Engine::refundQuote(). Immutable.
 *
 *     $quote = $engine->refundQuote($order, ['1' => 1]);   // or 'all': every unit not shipped
 *     echo $quote->total, ' by ', $quote->deadline->due;    // 22201 by 2026-12-14
 *
 * shippingBasis says why the shipping refund is what it is: "order_cancelled" (nothing shipped at the shopper's
 * cost and nothing is left to ship: all of it), "proportional" (the cancelled units' share), "none" or "full"
 * (after a partial shipment, as the policy's refunds section says).
 */
final readonly class RefundQuote implements \JsonSerializable
{
    /** @param list<RefundLine> $lines in the order's line order, only lines with units cancelled now */
    public function __construct(
        public string $now,            // "2026-12-03T10:00:00-05:00"
        public string $currency,       // "USD"
        public bool $taxIncluded,
        public array $lines,
        public int $items,
        public int $discount,
        public int $tax,
        public int $deposit,
        public int $shipping,
        public string $shippingBasis,
        public int $total,
        public int $stillOpen,         // units left to ship after this cancellation
        public RefundDeadline $deadline,
        private string $json,
    ) {
    }

    /** @internal the library's answer */
    public static function fromLibrary(string $json): self
    {
        $a = json_decode($json, true, 64, JSON_THROW_ON_ERROR);
        return new self(
            (string) $a['now'],
            (string) $a['currency'],
            (bool) $a['tax_included'],
            array_map(static fn (array $l) => RefundLine::fromArray($l), $a['lines']),
            (int) $a['items'],
            (int) $a['discount'],
            (int) $a['tax'],
            (int) $a['deposit'],
            (int) $a['shipping'],
            (string) $a['shipping_basis'],
            (int) $a['total'],
            (int) $a['still_open'],
            RefundDeadline::fromArray($a['deadline']),
            $json,
        );
    }

    /** One line by its line_id, or null when nothing of it is cancelled. */
    public function line(string $lineId): ?RefundLine
    {
        foreach ($this->lines as $l) {
            if ($l->lineId === $lineId) {
                return $l;
            }
        }
        return null;
    }

    /** The library's JSON text (sorted keys, no spaces). */
    public function json(): string
    {
        return $this->json;
    }

    /** The JSON shape, key for key. */
    public function toArray(): array
    {
        return [
            'currency' => $this->currency,
            'deadline' => $this->deadline->toArray(),
            'deposit' => $this->deposit,
            'discount' => $this->discount,
            'items' => $this->items,
            'lines' => array_map(static fn (RefundLine $l) => $l->toArray(), $this->lines),
            'now' => $this->now,
            'shipping' => $this->shipping,
            'shipping_basis' => $this->shippingBasis,
            'still_open' => $this->stillOpen,
            'tax' => $this->tax,
            'tax_included' => $this->taxIncluded,
            'total' => $this->total,
        ];
    }

    public function jsonSerialize(): array
    {
        return $this->toArray();
    }
}
