<?php use PhpShop\Html; ?>
<h1>Northwind Apparel</h1>
<table>
<tr><th>Product</th><th>Price</th><th>Availability</th></tr>
<?php foreach ($shop->items as $sku => $item): $label = $labels[$sku]; ?>
<tr data-sku="<?= Html::h($sku) ?>">
  <td><a href="/product?sku=<?= Html::h(rawurlencode($sku)) ?>"><?= Html::h($item['name'] ?? $sku) ?></a></td>
  <td><?= Html::h(Html::money($item['price'] ?? 0, $shop->currency())) ?></td>
  <td class="availability status-<?= Html::h($label->status) ?>"><?= Html::h($label->text) ?></td>
</tr>
<?php endforeach; ?>
</table>
