<?php use PhpShop\Html; ?>
<h1>Sorry</h1>
<p id="error"><?= Html::h($message) ?></p>
<p><a href="/">Back to the shop</a></p>
