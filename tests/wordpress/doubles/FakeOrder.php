<?php

declare(strict_types=1);

/** A WC_Order for the meta the plugin keeps on a new order. */
final class FakeOrder
{
    /** @var array<string, mixed> */
    public array $meta = [];

    public function update_meta_data(string $key, mixed $value): void
    {
        $this->meta[$key] = $value;
    }

    public function get_meta(string $key): mixed
    {
        return $this->meta[$key] ?? '';
    }
}
