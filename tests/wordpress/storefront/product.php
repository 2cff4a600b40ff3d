<?php
// A single product page as WooCommerce renders one: the title, the stock line (templates/single-product/stock.php),
// woocommerce_single_product_summary, and the structured data in the footer (WC_Structured_Data).
$product = bo_storefront_products()[(int) $_GET['product']] ?? null;
if ($product === null) {
    status_header(404);
    exit('no such product');
}
$wcText = $product->get_stock_status() === 'instock' ? 'In stock' : ($product->get_stock_status() === 'onbackorder' ? 'Available on backorder' : 'Out of stock');
$wcClass = $product->get_stock_status() === 'instock' ? 'in-stock' : ($product->get_stock_status() === 'onbackorder' ? 'available-on-backorder' : 'out-of-stock');
$availability = apply_filters('woocommerce_get_availability_text', $wcText, $product);
$class = apply_filters('woocommerce_get_availability_class', $wcClass, $product);
$markup = apply_filters('woocommerce_structured_data_product', [
    '@type' => 'Product', 'name' => $product->get_name(), 'sku' => $product->get_sku(),
    'offers' => [['@type' => 'Offer', 'price' => $product->get_price(), 'priceCurrency' => 'USD',
        'availability' => 'http://schema.org/' . ($product->get_stock_status() === 'instock' ? 'InStock' : 'OutOfStock')]],
], $product);
$markup = ['@context' => 'https://schema.org/'] + $markup;
?><!DOCTYPE html>
<html <?php language_attributes(); ?>>
<head><meta charset="utf-8"><title><?php echo esc_html($product->get_name()); ?></title><?php wp_head(); ?></head>
<body>
<div class="product">
<h1 class="product_title entry-title"><?php echo esc_html($product->get_name()); ?></h1>
<p class="price"><?php echo esc_html('$' . $product->get_price()); ?></p>
<p class="stock <?php echo esc_attr($class); ?>"><?php echo wp_kses_post($availability); ?></p>
<?php do_action('woocommerce_single_product_summary'); ?>
</div>
<?php // WC_Structured_Data::output_structured_data ?>
<script type="application/ld+json"><?php echo _wp_specialchars(wp_json_encode($markup), ENT_NOQUOTES, 'UTF-8', true); ?></script>
<?php wp_footer(); ?>
</body>
</html>
