<?php
// A classic checkout as WooCommerce renders one: each line with its item data (templates/cart/cart-item-data.php),
// woocommerce_review_order_before_payment, and on "Place order" woocommerce_checkout_create_order on a new order,
// whose kept consent record the confirmation shows.
$items = bo_storefront_cart();
$placed = null;
if (($_SERVER['REQUEST_METHOD'] ?? '') === 'POST' && isset($_POST['place_order'])) {
    $placed = new FakeOrder();
    do_action('woocommerce_checkout_create_order', $placed, []);
}
?><!DOCTYPE html>
<html <?php language_attributes(); ?>>
<head><meta charset="utf-8"><title>Checkout</title><?php wp_head(); ?></head>
<body>
<?php if ($placed !== null && $placed->get_meta('_backorder_consent') !== ''):
    $consent = Backorder\ConsentRecord::check($placed->get_meta('_backorder_consent')); ?>
<h1>Order received</h1>
<p id="order-strategy" data-strategy="<?php echo esc_attr($consent->strategy); ?>"><?php echo esc_html($consent->disclosures[0] ?? ''); ?></p>
<table id="order-lines">
<?php foreach ($consent->lines as $line): ?>
<tr class="order-line <?php echo esc_attr($line->status); ?>" data-sku="<?php echo esc_attr($line->sku); ?>">
<td><?php echo esc_html($line->sku); ?></td><td><?php echo esc_html($line->text); ?></td>
<td><?php if ($line->laterWindow !== null): ?><time data-from="<?php echo esc_attr($line->laterWindow->from); ?>" data-to="<?php echo esc_attr($line->laterWindow->to); ?>"><?php echo esc_html($line->laterWindow->from . ' – ' . $line->laterWindow->to); ?></time><?php endif; ?></td>
</tr>
<?php endforeach; ?>
</table>
<?php else: ?>
<h1>Checkout</h1>
<form method="post" id="checkout" action="?checkout=1&amp;items=<?php echo esc_attr(rawurlencode((string) ($_REQUEST['items'] ?? ''))); ?>">
<table class="shop_table">
<?php foreach ($items as $key => $item): ?>
<tr class="cart_item" data-key="<?php echo esc_attr($key); ?>" data-sku="<?php echo esc_attr($item['data']->get_sku()); ?>">
<td class="product-name"><?php echo esc_html($item['data']->get_name()); ?> × <?php echo (int) $item['quantity']; ?>
<?php $data = apply_filters('woocommerce_get_item_data', [], $item); if ($data): ?>
<dl class="variation"><?php foreach ($data as $d): ?><dt><?php echo wp_kses_post($d['key']); ?>:</dt><dd><?php echo wp_kses_post(wpautop($d['display'] ?? $d['value'])); ?></dd><?php endforeach; ?></dl>
<?php endif; ?></td>
</tr>
<?php endforeach; ?>
</table>
<?php do_action('woocommerce_review_order_before_payment'); ?>
<button type="submit" name="update" value="1" id="update">Update</button>
<button type="submit" name="place_order" value="1" id="place_order">Place order</button>
</form>
<?php endif; ?>
<?php wp_footer(); ?>
</body>
</html>
