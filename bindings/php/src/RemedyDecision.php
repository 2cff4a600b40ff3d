<?php

declare(strict_types=1);

namespace Backorder;

/**
 * The remedies the policy grants one delayed order (Engine::remedies(), docs/remedies.md): the remedies in the
 * order granted, whether a person (not a template) contacts the customer, their cost against the budgets, and
 * every rule's decision with its reasons. Money is in minor units.
 */
final readonly class RemedyDecision implements \JsonSerializable
{
    /**
     * @param list<array{rule: string, type: string, cost: int, capped: ?string, why: string}> $remedies each
     *        with "percent", "max" and "code_prefix" (discount), "percent" and "amount" (partial_refund) or
     *        "points" (loyalty_points)
     * @param array{per_order: ?int, per_period: ?int, period: string, order_left: ?int, period_left: ?int} $budget
     * @param list<array{rule: string, status: string, stack: bool, why: string, conditions: list<array>, actions: list<array>}> $rules
     *        status "applied", "not_met", "already_granted" or "not_reached"
     */
    public function __construct(
        public array $remedies,
        public bool $outreach,
        public int $cost,
        public string $currency,
        public array $budget,
        public array $rules,
    ) {
    }

    /** From the library's answer (bo_engine_remedies_json). */
    public static function fromArray(array $a): self
    {
        return new self(
            $a['remedies'],
            (bool) $a['outreach'],
            (int) $a['cost'],
            (string) $a['currency'],
            $a['budget'],
            $a['rules'],
        );
    }

    /** The types granted, in order: ["free_expedited_shipping", "discount", ...]. */
    public function types(): array
    {
        return array_map(static fn (array $r) => $r['type'], $this->remedies);
    }

    /** One rule's decision; null for a rule the policy does not have. */
    public function rule(string $id): ?array
    {
        foreach ($this->rules as $r) {
            if ($r['rule'] === $id) {
                return $r;
            }
        }
        return null;
    }

    /** The docs/remedies.md shape. */
    public function toArray(): array
    {
        return [
            'remedies' => $this->remedies,
            'outreach' => $this->outreach,
            'cost' => $this->cost,
            'currency' => $this->currency,
            'budget' => $this->budget,
            'rules' => $this->rules,
        ];
    }

    public function jsonSerialize(): array
    {
        return $this->toArray();
    }
}
