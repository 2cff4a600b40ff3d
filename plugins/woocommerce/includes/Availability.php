<?php

declare(strict_types=1);

namespace BackorderWC;

/**
 * The product page's and the loop's availability line: WooCommerce asks woocommerce_get_availability_text and
 * woocommerce_get_availability_class for one unit of a product; the engine answers ("Backorder – ships in
 * 10–14 days", "Only 2 left", "Pre-order – ships on March 12, 2027").
 */
final class Availability
{
    /** WooCommerce's own classes, which themes style, by the engine's status. */
    private const WC_CLASS = [
        'in_stock' => 'in-stock', 'low_stock' => 'in-stock', 'backorder' => 'available-on-backorder',
        'preorder' => 'available-on-backorder', 'out_of_stock' => 'out-of-stock', 'discontinued' => 'out-of-stock',
    ];

    public function __construct(private readonly Plugin $plugin)
    {
    }

    public function register(): void
    {
        add_filter('woocommerce_get_availability_text', [$this, 'text'], 10, 2);
        add_filter('woocommerce_get_availability_class', [$this, 'cssClass'], 10, 2);
    }

    public function text(mixed $text, mixed $product = null): mixed
    {
        if (!is_object($product)) {
            return $text;
        }
        return $this->plugin->guard('availability text', fn () => $this->plugin->label($product)?->text ?? $text, $text);
    }

    /** "available-on-backorder backorder-preorder": WooCommerce's class for themes, the engine's status for more. */
    public function cssClass(mixed $class, mixed $product = null): mixed
    {
        if (!is_object($product)) {
            return $class;
        }
        return $this->plugin->guard('availability class', function () use ($product, $class) {
            $label = $this->plugin->label($product);
            if ($label === null) {
                return $class;
            }
            return self::WC_CLASS[$label->status] . ' backorder-' . str_replace('_', '-', $label->status);
        }, $class);
    }
}
