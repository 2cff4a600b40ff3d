<?php
use PhpShop\Html;

/** @var array $order the ledger's order (Backorder\Store::order) */
/** @var ?Backorder\Message $message its confirmation, as the outbox holds it */
$consent = $order['consent'] ?? [];
?>
<h1>Thank you, <span id="customer-name"><?= Html::h($order['customer']['name'] ?? '') ?></span></h1>
<p>Order <strong id="order-id"><?= Html::h($order['id']) ?></strong> is placed. A confirmation goes to
<span id="customer-email"><?= Html::h($order['customer']['email'] ?? '') ?></span>.</p>
<p id="order-strategy" data-strategy="<?= Html::h($order['strategy'] ?? '') ?>">
<?= Html::h(($order['strategy'] ?? '') === 'ship_available' ? 'What is ready ships now; the rest follows.' : 'Everything ships together.') ?></p>
<table id="order-lines">
<tr><th>Item</th><th>Qty</th><th>Status</th><th>Ships</th></tr>
<?php foreach ($order['lines'] as $line):
    $waiting = $line['source'] !== 'stock'; // a line that waits for supply or the supplier's lead time ?>
<tr class="order-line<?= $waiting ? ' backordered' : '' ?>" data-line="<?= Html::h($line['line_id']) ?>" data-sku="<?= Html::h($line['sku']) ?>">
  <td><?= Html::h($items[$line['sku']]['name'] ?? $line['sku']) ?></td>
  <td><?= Html::h($line['quantity']) ?></td>
  <td><?= Html::h($waiting ? 'Backordered' : 'In stock') ?></td>
  <td><?= $line['ship'] !== null ? Html::timeWindow($line['ship'], 'ship') : '' ?></td>
</tr>
<?php endforeach; ?>
</table>
<?php if ($message !== null): ?>
<h2>Your confirmation</h2>
<pre id="confirmation"><?= Html::h($message->text) ?></pre>
<?php endif; ?>
<p><a href="/">Continue shopping</a></p>
