<?php
use PhpShop\Html;

/** @var Backorder\Label $label */
$price = (int) ($item['price'] ?? 0);
$offer = [
    '@type' => 'Offer',
    'price' => Html::decimal($price, $shop->currency()),
    'priceCurrency' => $shop->currency(),
    'availability' => $label->schemaOrg,
];
if ($label->availabilityDate !== null) {
    $offer['availabilityStarts'] = $label->availabilityDate;   // the first day it ships, as the label says
}
$jsonLd = ['@context' => 'https://schema.org', '@type' => 'Product', 'sku' => $item['sku'],
    'name' => $item['name'] ?? $item['sku'], 'offers' => $offer];
?>
<script type="application/ld+json"><?= Html::jsonForScript($jsonLd) ?></script>
<h1 id="product-name"><?= Html::h($item['name'] ?? $item['sku']) ?></h1>
<p>SKU <?= Html::h($item['sku']) ?> · <span id="price"><?= Html::h(Html::money($price, $shop->currency())) ?></span></p>
<p id="availability" class="availability status-<?= Html::h($label->status) ?>" data-status="<?= Html::h($label->status) ?>"><?= Html::h($label->text) ?></p>
<?php if ($label->laterWindow !== null): ?>
<p id="ships">Ships <?= Html::timeWindow($label->laterWindow, 'later-window') ?></p>
<?php endif; ?>
<?php if ($notice !== null): ?><p class="notice" id="notice"><?= Html::h($notice) ?></p><?php endif; ?>
<?php if ($error !== null): ?><p class="errors" id="form-error"><?= Html::h($error) ?></p><?php endif; ?>
<?php if ($label->sellable > 0 || $label->later > 0): ?>
<form method="post" action="/cart/add">
  <input type="hidden" name="csrf" value="<?= Html::h($csrf) ?>">
  <input type="hidden" name="sku" value="<?= Html::h($item['sku']) ?>">
  <label>Quantity <input type="number" name="quantity" value="1" min="1" max="99"></label>
  <button type="submit" id="add-to-cart">Add to cart</button>
</form>
<?php endif; ?>
<?php if ($label->notifyMe): ?>
<form method="post" action="/notify" id="notify-form">
  <input type="hidden" name="csrf" value="<?= Html::h($csrf) ?>">
  <input type="hidden" name="sku" value="<?= Html::h($item['sku']) ?>">
  <label>Tell me when it is in stock: <input type="text" name="contact" value="<?= Html::h($contact) ?>" placeholder="you@example.com"></label>
  <button type="submit" id="notify-me">Notify me</button>
</form>
<?php endif; ?>
