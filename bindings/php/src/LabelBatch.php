<?php

declare(strict_types=1);

namespace Backorder;

/**
 * The answer of Engine::labels() / Labeler::run(): one entry per input row, in order.
 * $labels[$i] is null when row $i has an error; $errors lists those rows.
 */
final readonly class LabelBatch implements \Countable, \IteratorAggregate
{
    /**
     * @param list<Label|null> $labels
     * @param list<array{row: int, sku: string, path: string, message: string, code: int}> $errors
     */
    public function __construct(public array $labels, public array $errors)
    {
    }

    public function count(): int
    {
        return count($this->labels);
    }

    /** @return \ArrayIterator<int, Label|null> */
    public function getIterator(): \ArrayIterator
    {
        return new \ArrayIterator($this->labels);
    }

    public function hasErrors(): bool
    {
        return $this->errors !== [];
    }
}
