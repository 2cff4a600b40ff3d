<?php use PhpShop\Html; ?>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Northwind Apparel (Backorder PHP demo)</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 56rem; padding: 1rem; color: #222; }
header { display: flex; justify-content: space-between; border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
.availability { font-weight: 600; }
.status-in_stock { color: #1a7f37; } .status-low_stock { color: #9a6700; } .status-backorder, .status-preorder { color: #0550ae; }
.status-out_of_stock, .status-discontinued { color: #a40e26; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; }
.notice { background: #dafbe1; padding: .5rem; } .errors { background: #ffebe9; padding: .5rem; }
fieldset { margin: 1rem 0; } .strategy { margin: .5rem 0; }
</style>
</head>
<body>
<header>
  <a href="/">Northwind Apparel</a>
  <a href="/cart" id="cart-link">Cart (<?= Html::h($cartCount) ?>)</a>
</header>
<main>
<?= $content ?>
</main>
<footer><small>Backorder PHP demo · now: <span id="now"><?= Html::h($shop->now) ?></span></small></footer>
</body>
</html>
