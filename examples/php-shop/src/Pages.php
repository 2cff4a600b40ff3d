<?php

declare(strict_types=1);

namespace PhpShop;

use Backorder\CheckoutPlan;
use Backorder\Strategy;

/** One method per route: read the request, ask the engine or the ledger, render a view or redirect. */
final class Pages
{
    public function __construct(private readonly Shop $shop)
    {
    }

    public function home(): void
    {
        $skus = array_keys($this->shop->items);
        $labels = $this->shop->store->labels($skus, $this->shop->now);
        $this->render('home', ['labels' => array_combine($skus, $labels)]);
    }

    public function product(string $sku, ?string $notice = null, ?string $error = null, string $contact = ''): void
    {
        $item = $this->shop->item($sku);
        if ($item === null) {
            $this->error(404, "There is no product “{$sku}”.");
            return;
        }
        [$label] = $this->shop->store->labels($sku, $this->shop->now);
        $this->render('product', [
            'item' => $item, 'label' => $label, 'notice' => $notice, 'error' => $error, 'contact' => $contact,
        ]);
    }

    public function addToCart(): void
    {
        $sku = (string) ($_POST['sku'] ?? '');
        $quantity = filter_var($_POST['quantity'] ?? '1', FILTER_VALIDATE_INT, ['options' => ['min_range' => 1, 'max_range' => 99]]);
        if ($this->shop->item($sku) === null || $quantity === false) {
            $this->error(400, 'Choose a product and a quantity from 1 to 99.');
            return;
        }
        Session::add($sku, $quantity);
        $this->redirect('/cart');
    }

    public function cart(): void
    {
        $flash = $_SESSION['flash'] ?? [];
        unset($_SESSION['flash']);
        $plan = $this->plan();
        $strategy = $plan === null ? null : $this->chosenStrategy($plan);
        $this->render('cart', [
            'plan' => $plan, 'strategy' => $strategy, 'items' => $this->shop->items,
            'errors' => $flash['errors'] ?? [], 'notice' => $flash['notice'] ?? null,
            'form' => $flash['form'] ?? ['name' => '', 'email' => ''],
        ]);
    }

    /** The cart form: per-line choices and the strategy; "place" also places the order. */
    public function updateCart(): void
    {
        $plan = $this->plan();
        if ($plan === null) {
            $this->redirect('/cart');
            return;
        }
        $strategy = (string) ($_POST['strategy'] ?? '');
        if ($plan->strategy($strategy) !== null) {
            $_SESSION['strategy'] = $strategy;
        }
        $changed = $this->applyChoices($plan, (array) ($_POST['choice'] ?? []));
        $form = ['name' => trim((string) ($_POST['name'] ?? '')), 'email' => trim((string) ($_POST['email'] ?? ''))];
        if (($_POST['action'] ?? '') !== 'place') {
            $_SESSION['flash'] = ['form' => $form];
            $this->redirect('/cart');
            return;
        }
        $errors = [];
        if ($changed) {
            $errors[] = 'Your cart changed: check the dates and charges below, then place the order.';
        }
        if ($form['name'] === '' || mb_strlen($form['name']) > 100) {
            $errors[] = 'Enter your name (up to 100 characters).';
        }
        if (filter_var($form['email'], FILTER_VALIDATE_EMAIL) === false) {
            $errors[] = "“{$form['email']}” is not an email address we can write to.";
        }
        if ($errors !== []) {
            $_SESSION['flash'] = ['errors' => $errors, 'form' => $form];
            $this->redirect('/cart');
            return;
        }
        $orderId = $this->place($plan, $form);
        $_SESSION['orders'][$orderId] = true;
        Session::clear();
        $this->redirect('/order?id=' . rawurlencode($orderId));
    }

    public function order(string $orderId): void
    {
        if (!isset($_SESSION['orders'][$orderId])) { // a shopper sees only the orders placed in this session
            $this->error(404, 'There is no such order in this session.');
            return;
        }
        $order = $this->shop->store->order($orderId);
        $message = null;
        foreach ($this->shop->store->outbox(limit: 1000) as $m) {
            if ($m->orderId === $orderId && $m->kind === 'confirmation') {
                $message = $m;
            }
        }
        $this->render('order', ['order' => $order, 'message' => $message, 'items' => $this->shop->items]);
    }

    /** Notify-me: a subscription in the ledger; the restock message goes out from its outbox. */
    public function notify(): void
    {
        $sku = (string) ($_POST['sku'] ?? '');
        $contact = trim((string) ($_POST['contact'] ?? ''));
        if ($this->shop->item($sku) === null) {
            $this->error(404, "There is no product “{$sku}”.");
            return;
        }
        if (filter_var($contact, FILTER_VALIDATE_EMAIL) === false) {
            http_response_code(422);
            $this->product($sku, error: "“{$contact}” is not an email address we can write to.", contact: $contact);
            return;
        }
        // One subscription per product and address: asking twice is the same event, applied once.
        $id = 'notify-' . substr(hash('sha256', "$sku\n" . strtolower($contact)), 0, 24);
        $this->shop->store->apply([
            'id' => $id, 'type' => 'subscribed', 'at' => $this->shop->now,
            'subscription' => ['id' => $id, 'sku' => $sku, 'contact' => $contact,
                'locale' => $this->shop->customer()['locale'], 'quantity' => 1],
        ]);
        $this->product($sku, notice: "We will email {$contact} when it can be ordered.");
    }

    public function error(int $status, string $message): void
    {
        http_response_code($status);
        $this->render('error', ['message' => $message]);
    }

    /** The engine's plan for the session's cart, over the ledger's facts; null for an empty cart. */
    private function plan(): ?CheckoutPlan
    {
        $lines = Session::cart();
        if ($lines === []) {
            return null;
        }
        return $this->shop->store->checkout(
            ['currency' => $this->shop->currency(), 'lines' => $lines],
            $this->shop->customer(),
            $this->shop->now,
        );
    }

    private function chosenStrategy(CheckoutPlan $plan): Strategy
    {
        return $plan->strategy($_SESSION['strategy'] ?? null) ?? $plan->strategy();
    }

    /**
     * Applies the shopper's per-line choices to the cart: an offered alternative replaces the line's product,
     * "remove" drops the line, "wait" keeps it. Returns whether the cart changed.
     */
    private function applyChoices(CheckoutPlan $plan, array $choices): bool
    {
        $changed = false;
        foreach ($choices as $lineId => $choice) {
            $line = $plan->line((string) $lineId);
            if ($line === null || !is_string($choice) || $choice === 'wait') {
                continue;
            }
            if ($choice === 'remove' && $line->offers('remove')) {
                Session::remove($line->lineId);
                $changed = true;
            } elseif (str_starts_with($choice, 'alternative:') && $line->offers('alternative')) {
                $sku = substr($choice, strlen('alternative:'));
                foreach ($line->alternatives as $alternative) {
                    if ($alternative->sku === $sku) {
                        Session::replaceSku($line->lineId, $sku);
                        $changed = true;
                    }
                }
            }
        }
        return $changed;
    }

    /** Records the consent and places the order in the ledger (its confirmation goes to the outbox). */
    private function place(CheckoutPlan $plan, array $form): string
    {
        $strategy = $this->chosenStrategy($plan);
        $consent = $plan->consent($strategy->id, [], $this->shop->now);
        $orderId = 'PS-' . strtoupper(bin2hex(random_bytes(4)));
        $lines = [];
        foreach ($plan->lines as $line) {
            $lines[] = ['line_id' => $line->lineId, 'sku' => $line->sku, 'quantity' => $line->quantity,
                'unit_price' => $line->unitPrice];
        }
        $this->shop->store->apply([
            'id' => "order-$orderId", 'type' => 'order_placed', 'at' => $this->shop->now,
            'order' => ['id' => $orderId, 'customer' => ['name' => $form['name'], 'email' => $form['email']]
                + $this->shop->customer(), 'lines' => $lines],
            'consent' => $consent,
        ]);
        return $orderId;
    }

    private function redirect(string $to): void
    {
        http_response_code(303);
        header('Location: ' . $to);
    }

    private function render(string $view, array $vars): void
    {
        $shop = $this->shop;
        $csrf = Session::csrf();
        $cartCount = array_sum(array_column(Session::cart(), 'quantity'));
        $content = (static function (string $__file, array $__vars) use ($shop, $csrf): string {
            extract($__vars);
            ob_start();
            require $__file;
            return (string) ob_get_clean();
        })(dirname(__DIR__) . "/views/$view.php", $vars);
        require dirname(__DIR__) . '/views/layout.php';
    }
}
