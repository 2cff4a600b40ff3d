<?php

declare(strict_types=1);

namespace BackorderWC;

/**
 * The product's JSON-LD (woocommerce_structured_data_product): each Offer's availability becomes the engine's
 * schema.org value, and a backorder or pre-order gets availabilityStarts, the first day the label promises, so
 * search engines read what the shopper reads.
 */
final class StructuredData
{
    public function __construct(private readonly Plugin $plugin)
    {
    }

    public function register(): void
    {
        add_filter('woocommerce_structured_data_product', [$this, 'product'], 10, 2);
    }

    public function product(mixed $markup, mixed $product = null): mixed
    {
        if (!is_array($markup) || !is_object($product) || !isset($markup['offers']) || !is_array($markup['offers'])) {
            return $markup;
        }
        return $this->plugin->guard('structured data', function () use ($markup, $product) {
            $label = $this->plugin->label($product);
            if ($label === null) {
                return $markup;
            }
            // WooCommerce writes a list of offers; a single Offer object is accepted too
            $list = array_is_list($markup['offers']);
            $offers = $list ? $markup['offers'] : [$markup['offers']];
            foreach ($offers as &$offer) {
                $offer['availability'] = $label->schemaOrg;
                if ($label->availabilityDate !== null) {
                    $offer['availabilityStarts'] = $label->availabilityDate;
                } else {
                    unset($offer['availabilityStarts']);
                }
            }
            unset($offer);
            $markup['offers'] = $list ? $offers : $offers[0];
            return $markup;
        }, $markup);
    }
}
