<?php

declare(strict_types=1);

namespace Backorder;

/**
 * What one event did (docs/store.md#events): "applied", or "duplicate" when its id was applied before. moved
 * counts the order lines whose ship window changed, messages the messages written; token is the
 * manage/unsubscribe token of a "subscribed" event (null otherwise).
 */
final readonly class ApplyResult
{
    public function __construct(
        public string $id,
        public string $type,       // "order_placed"
        public string $status,     // "applied" or "duplicate"
        public int $moved,
        public int $messages,
        public ?string $token = null,
    ) {
    }

    /** From the library's answer, one of its "results". */
    public static function fromArray(array $a): self
    {
        return new self(
            (string) $a['id'],
            (string) $a['type'],
            (string) $a['status'],
            (int) $a['moved'],
            (int) $a['messages'],
            isset($a['token']) ? (string) $a['token'] : null,
        );
    }

    /** Whether the event changed the ledger now (false for a duplicate). */
    public function applied(): bool
    {
        return $this->status === 'applied';
    }

    /** The docs/store.md shape. */
    public function toArray(): array
    {
        $a = ['id' => $this->id, 'type' => $this->type, 'status' => $this->status, 'moved' => $this->moved,
            'messages' => $this->messages];
        if ($this->token !== null) {
            $a['token'] = $this->token;
        }
        return $a;
    }
}
