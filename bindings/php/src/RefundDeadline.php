<?php

declare(strict_types=1);

namespace Backorder;

/**
 * By when and how a refund must be paid: the row of the rule table for the jurisdiction and payment method,
 * with its citation. `due` counts `count` × `unit` from the date of `now` in the store's calendar (working days
 * skip its holidays).
 */
final readonly class RefundDeadline
{
    public function __construct(
        public string $due,           // "2026-12-14": the last day
        public string $rule,          // "us_ftc_card"
        public string $jurisdiction,  // "US", "EU" or "UK"
        public string $payment,       // "card", "paypal", "cash" or "store_credit_by_shop"
        public int $count,            // 7
        public string $unit,          // "working_days", "calendar_days" or "billing_cycles"
        public string $method,        // "original_payment", "cash_check_or_money_order" or "shop_account_credit"
        public string $citation,      // "16 CFR 435.1(b)(1), 435.1(d)(2)(ii)"
        public string $text,          // the method in a sentence
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self(
            (string) $a['due'],
            (string) $a['rule'],
            (string) $a['jurisdiction'],
            (string) $a['payment'],
            (int) $a['count'],
            (string) $a['unit'],
            (string) $a['method'],
            (string) $a['citation'],
            (string) $a['text'],
        );
    }

    /** The JSON shape, in the library's key order. */
    public function toArray(): array
    {
        return [
            'citation' => $this->citation,
            'count' => $this->count,
            'due' => $this->due,
            'jurisdiction' => $this->jurisdiction,
            'method' => $this->method,
            'payment' => $this->payment,
            'rule' => $this->rule,
            'text' => $this->text,
            'unit' => $this->unit,
        ];
    }
}
