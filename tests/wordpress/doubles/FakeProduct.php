<?php

declare(strict_types=1);

/**
 * A product shaped like WC_Product for the methods the plugin calls (WooCommerce itself cannot be installed on
 * the test machines). Defaults are WooCommerce's: stock managed, backorders "no", no meta.
 */
final class FakeProduct
{
    /** @param array<string, string> $meta */
    public function __construct(
        private int $id,
        private string $sku,
        private string $name,
        private string $price = '129.00',
        private ?int $stock = 0,
        private bool $managed = true,
        private string $backorders = 'no',   // no | notify | yes, as WC_Product::get_backorders()
        private string $status = '',          // instock | outofstock | onbackorder; '' = derived like WooCommerce
        private array $meta = [],
    ) {
    }

    public function get_id(): int { return $this->id; }
    public function get_sku(): string { return $this->sku; }
    public function get_name(): string { return $this->name; }
    public function get_price(): string { return $this->price; }
    public function managing_stock(): bool { return $this->managed; }
    public function get_stock_quantity(): ?int { return $this->managed ? $this->stock : null; }
    public function backorders_allowed(): bool { return in_array($this->backorders, ['yes', 'notify'], true); }
    public function get_meta(string $key, bool $single = true): mixed { return $this->meta[$key] ?? ''; }

    public function get_stock_status(): string
    {
        if ($this->status !== '') {
            return $this->status;
        }
        if ($this->stock > 0) {
            return 'instock';
        }
        return $this->backorders_allowed() ? 'onbackorder' : 'outofstock';
    }

    /** As wc_update_product_stock() would, before it fires woocommerce_product_set_stock. */
    public function set_stock_quantity(int $stock): void
    {
        $this->stock = $stock;
    }
}
