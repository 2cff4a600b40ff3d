<?php

declare(strict_types=1);

namespace Backorder;

/**
 * A customer message from the outbox (docs/store.md#messages), rendered in the shopper's locale when it was
 * written. Send subject, text and html to recipient; key is its idempotency key (a sender that has sent a key
 * drops repeats). Times are ISO 8601 in the shop's time zone.
 */
final readonly class Message implements \JsonSerializable
{
    public function __construct(
        public int $id,
        public string $key,          // "northwind:shipped:NW-1:S2"
        public string $kind,         // "confirmation", "eta_update", "delay", "arrived", "shipped", "back_in_stock",
                                     // "delay_notice", "cancelled"
        public ?string $orderId,     // null for back_in_stock
        public string $recipient,
        public string $locale,
        public string $subject,
        public string $text,
        public string $html,
        public string $createdAt,    // "2026-11-30T09:06:00-05:00"
        public string $availableAt,  // due from then on
        public int $attempts,        // times handed out by claim()
        public string $state,        // "pending", "leased" or "sent"
    ) {
    }

    /** From one of the library's "messages". */
    public static function fromArray(array $a): self
    {
        return new self(
            (int) $a['id'],
            (string) $a['key'],
            (string) $a['kind'],
            ($a['order_id'] ?? '') === '' ? null : (string) $a['order_id'],
            (string) $a['recipient'],
            (string) $a['locale'],
            (string) $a['subject'],
            (string) $a['text'],
            (string) $a['html'],
            (string) $a['created_at'],
            (string) $a['available_at'],
            (int) $a['attempts'],
            (string) $a['state'],
        );
    }

    /** The docs/store.md shape ("order_id" is "" when there is none). */
    public function toArray(): array
    {
        return [
            'id' => $this->id,
            'key' => $this->key,
            'kind' => $this->kind,
            'order_id' => $this->orderId ?? '',
            'recipient' => $this->recipient,
            'locale' => $this->locale,
            'subject' => $this->subject,
            'text' => $this->text,
            'html' => $this->html,
            'created_at' => $this->createdAt,
            'available_at' => $this->availableAt,
            'attempts' => $this->attempts,
            'state' => $this->state,
        ];
    }

    public function jsonSerialize(): array
    {
        return $this->toArray();
    }
}
