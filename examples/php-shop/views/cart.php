<?php
use PhpShop\Html;

/** @var ?Backorder\CheckoutPlan $plan */
/** @var ?Backorder\Strategy $strategy */
$currency = $shop->currency();
$money = static fn (int $minor): string => Html::money($minor, $currency);
?>
<h1>Your cart</h1>
<?php if ($plan === null): ?>
<p id="empty">Your cart is empty. <a href="/">Shop</a></p>
<?php return; endif; ?>
<?php if ($errors !== []): ?>
<ul class="errors" id="errors"><?php foreach ($errors as $e): ?><li><?= Html::h($e) ?></li><?php endforeach; ?></ul>
<?php endif; ?>
<form method="post" action="/cart" id="cart-form">
<input type="hidden" name="csrf" value="<?= Html::h($csrf) ?>">
<table id="lines">
<tr><th>Item</th><th>Qty</th><th>Price</th><th>Availability</th><th>Your choice</th></tr>
<?php foreach ($plan->lines as $line): ?>
<tr class="line" data-line="<?= Html::h($line->lineId) ?>" data-sku="<?= Html::h($line->sku) ?>">
  <td class="name"><?= Html::h($line->name) ?></td>
  <td><?= Html::h($line->quantity) ?></td>
  <td data-minor="<?= Html::h($line->amount) ?>"><?= Html::h($money($line->amount)) ?></td>
  <td><span class="availability status-<?= Html::h($line->label->status) ?>"><?= Html::h($line->label->text) ?></span>
    <?php if ($line->label->shipNow > 0): ?><br>now: ships <?= Html::timeWindow($line->label->nowWindow, 'now-window') ?><?php endif; ?>
    <?php if ($line->label->later > 0): ?><br>later: ships <?= Html::timeWindow($line->label->laterWindow, 'later-window') ?><?php endif; ?>
  </td>
  <td>
  <?php if ($line->options === []): ?>ships now<?php else: ?>
    <select name="choice[<?= Html::h($line->lineId) ?>]" class="choice">
      <?php if ($line->offers('wait')): ?><option value="wait" selected>Wait for it</option><?php endif; ?>
      <?php foreach ($line->offers('alternative') ? $line->alternatives : [] as $alt): ?>
      <option value="alternative:<?= Html::h($alt->sku) ?>">Take <?= Html::h($alt->name) ?> instead (<?= Html::h($alt->label->text) ?>, <?= Html::h($money($alt->price)) ?>)</option>
      <?php endforeach; ?>
      <?php if ($line->offers('remove')): ?><option value="remove">Remove it</option><?php endif; ?>
    </select>
  <?php endif; ?>
  </td>
</tr>
<?php endforeach; ?>
</table>

<fieldset id="strategies">
<legend>How should we ship?</legend>
<?php foreach ($plan->strategies as $s): ?>
<div class="strategy">
  <label><input type="radio" name="strategy" value="<?= Html::h($s->id) ?>" <?= $s->id === $strategy->id ? 'checked' : '' ?>>
  <?= Html::h($s->id === 'ship_available' ? 'Ship what is ready now' : 'Ship everything together') ?>
  (<?= Html::h(count($s->shipments)) ?> shipment<?= count($s->shipments) === 1 ? '' : 's' ?>, shipping <?= Html::h($money($s->customerPays)) ?>)</label>
  <?php if ($s->id === $plan->recommendedStrategy): ?><em>recommended</em><?php endif; ?>
</div>
<?php endforeach; ?>
<button type="submit" name="action" value="update" id="update">Update</button>
</fieldset>

<section id="summary" data-strategy="<?= Html::h($strategy->id) ?>">
<h2>Your delivery</h2>
<p id="strategy-disclosure"><?= Html::h($strategy->disclosure) ?></p>
<table id="shipments">
<tr><th>Shipment</th><th>Items</th><th>Ships</th><th>Arrives</th><th>Carrier cost</th></tr>
<?php foreach ($strategy->shipments as $i => $shipment): ?>
<tr class="shipment" data-lines="<?= Html::h(implode(',', $shipment->lineIds())) ?>">
  <td><?= Html::h($i + 1) ?></td>
  <td><?php foreach ($shipment->items as $it): ?><?= Html::h($it->quantity) ?> × <?= Html::h($plan->line($it->lineId)?->name) ?><br><?php endforeach; ?></td>
  <td><?= Html::timeWindow($shipment->ship, 'ship') ?></td>
  <td><?= Html::timeWindow($shipment->delivery, 'delivery') ?></td>
  <td class="charge" data-minor="<?= Html::h($shipment->charge) ?>"><?= Html::h($money($shipment->charge)) ?></td>
</tr>
<?php endforeach; ?>
</table>
<p>Items: <span id="subtotal" data-minor="<?= Html::h($plan->subtotal) ?>"><?= Html::h($money($plan->subtotal)) ?></span>
· You pay for shipping: <span id="shipping" data-minor="<?= Html::h($strategy->customerPays) ?>"><?= Html::h($money($strategy->customerPays)) ?></span>
· Total: <strong id="total" data-minor="<?= Html::h($plan->subtotal + $strategy->customerPays) ?>"><?= Html::h($money($plan->subtotal + $strategy->customerPays)) ?></strong></p>
<p>The last shipment leaves <?= Html::timeWindow($strategy->complete, 'complete') ?>.</p>
</section>

<ul id="disclosures">
<?php foreach ($plan->disclosures as $d): ?><li class="disclosure-<?= Html::h($d->kind) ?>"><?= Html::h($d->text) ?></li><?php endforeach; ?>
</ul>

<fieldset id="customer">
<legend>Your details</legend>
<label>Name <input type="text" name="name" value="<?= Html::h($form['name']) ?>"></label>
<label>Email <input type="text" name="email" value="<?= Html::h($form['email']) ?>"></label>
</fieldset>
<button type="submit" name="action" value="place" id="place-order">Place order</button>
</form>
