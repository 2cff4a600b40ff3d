<?php

declare(strict_types=1);

namespace Backorder;

/**
 * One compliance finding (docs/json.md#compliance): which rule of which pack, how serious ("violation",
 * "warning", "due" for an obligation still ahead, "info"), what to do (a machine-readable verb such as
 * "send_delay_notice" or "cancel_and_refund") and by when (a local date of the shop, or null), with the
 * citation and the request field it is about ("" when none).
 *
 *     foreach ($engine->checkOrder($request) as $f) {
 *         if ($f->action === 'cancel_and_refund') $scheduler->at($f->due, ...);
 *     }
 */
final readonly class Finding
{
    public function __construct(
        public string $ruleId,    // "ftc.cancel.no_consent"
        public string $pack,      // "us-ftc-mail-order"
        public string $severity,  // "violation" | "warning" | "due" | "info"
        public string $message,
        public ?string $due,      // "2027-01-30"
        public string $action,    // "cancel_and_refund"
        public Citation $citation,
        public string $path,      // "order.notices[0].free_cancel"
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self(
            (string) $a['rule_id'],
            (string) $a['pack'],
            (string) $a['severity'],
            (string) $a['message'],
            isset($a['due']) ? (string) $a['due'] : null,
            (string) $a['action'],
            Citation::fromArray($a['citation']),
            (string) ($a['path'] ?? ''),
        );
    }

    /** @internal the library's answer {"findings": [...], "packs": [...]} */
    public static function listFromLibrary(string $json): array
    {
        $answer = json_decode($json, true, 64, JSON_THROW_ON_ERROR);
        return array_map(static fn (array $f) => self::fromArray($f), $answer['findings']);
    }

    public function isViolation(): bool
    {
        return $this->severity === 'violation';
    }

    /** The JSON shape, in the library's key order. */
    public function toArray(): array
    {
        return [
            'action' => $this->action,
            'citation' => $this->citation->toArray(),
            'due' => $this->due,
            'message' => $this->message,
            'pack' => $this->pack,
            'path' => $this->path,
            'rule_id' => $this->ruleId,
            'severity' => $this->severity,
        ];
    }
}
