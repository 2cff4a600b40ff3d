<?php

declare(strict_types=1);

namespace Backorder;

/**
 * One cart line of a checkout plan (docs/json.md#checkout, "lines"): its label (what ships now, what waits and
 * when), the options the shopper has for it and in-stock alternatives, best first.
 */
final readonly class CheckoutLine
{
    public const WAIT = 'wait';
    public const NOTIFY_ME = 'notify_me';
    public const ALTERNATIVE = 'alternative';
    public const REMOVE = 'remove';

    /**
     * @param list<string> $options "wait", "notify_me", "alternative", "remove"; empty when the line ships whole now
     * @param list<Alternative> $alternatives
     */
    public function __construct(
        public string $lineId,
        public string $sku,
        public string $name,
        public int $quantity,
        public int $unitPrice,      // minor units
        public int $amount,         // unitPrice × quantity
        public bool $preorder,      // ships apart on its release day
        public Label $label,        // "Backorder – ships in 10–14 days"; later/laterWindow say what waits
        public array $options,
        public array $alternatives,
    ) {
    }

    public static function fromArray(array $a): self
    {
        $alternatives = [];
        foreach ($a['alternatives'] as $alt) {
            $alternatives[] = Alternative::fromArray($alt);
        }
        return new self(
            (string) $a['line_id'],
            (string) $a['sku'],
            (string) $a['name'],
            (int) $a['quantity'],
            (int) $a['unit_price'],
            (int) $a['amount'],
            (bool) $a['preorder'],
            Label::fromArray($a['label']),
            $a['options'],
            $alternatives,
        );
    }

    /** Whether the shopper may choose $option ("wait", "notify_me", "alternative", "remove") for this line. */
    public function offers(string $option): bool
    {
        return in_array($option, $this->options, true);
    }

    /** Whether some of the line waits (backorder or pre-order). */
    public function waits(): bool
    {
        return $this->label->later > 0;
    }

    /** The JSON shape, in the library's key order (the label in Label::toArray()'s). */
    public function toArray(): array
    {
        return [
            'alternatives' => array_map(static fn (Alternative $a) => $a->toArray(), $this->alternatives),
            'amount' => $this->amount,
            'label' => $this->label->toArray(),
            'line_id' => $this->lineId,
            'name' => $this->name,
            'options' => $this->options,
            'preorder' => $this->preorder,
            'quantity' => $this->quantity,
            'sku' => $this->sku,
            'unit_price' => $this->unitPrice,
        ];
    }
}
