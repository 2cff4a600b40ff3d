<?php

declare(strict_types=1);

namespace BackorderWC;

use Backorder\CheckoutPlan;

/**
 * Ship dates in the cart and at checkout.
 *
 * - woocommerce_get_item_data: each cart line gets an "Availability" row with the engine's label for the
 *   line's quantity ("2 ship now, 3 on backorder (ships Dec 10 – 14)"); WooCommerce shows it in the cart,
 *   the checkout review and the order emails.
 * - woocommerce_review_order_before_payment: when the cart mixes stock and backorders, the choice between
 *   shipping what is ready now and shipping everything together, each with its dates and what the shopper
 *   pays, and the disclosures the policy requires.
 * - woocommerce_checkout_create_order: the chosen strategy and the consent record (what the shopper saw and
 *   chose, canonical JSON) are kept on the order as _backorder_strategy and _backorder_consent.
 */
final class CartEta
{
    public function __construct(private readonly Plugin $plugin)
    {
    }

    public function register(): void
    {
        add_filter('woocommerce_get_item_data', [$this, 'itemData'], 10, 2);
        add_action('woocommerce_review_order_before_payment', [$this, 'renderChoice']);
        add_action('woocommerce_checkout_create_order', [$this, 'saveConsent'], 10, 2);
    }

    public function itemData(mixed $data, mixed $cartItem = null): mixed
    {
        if (!is_array($data) || !is_array($cartItem) || !is_object($cartItem['data'] ?? null)) {
            return $data;
        }
        return $this->plugin->guard('cart item data', function () use ($data, $cartItem) {
            $label = $this->plugin->label($cartItem['data'], max(1, (int) ($cartItem['quantity'] ?? 1)));
            if ($label === null) {
                return $data;
            }
            $text = $label->later > 0 && $label->shortText !== $label->text
                ? $label->text . ' · ' . $label->shortText : $label->text;
            $data[] = [
                'key' => __('Availability', 'backorder-for-woocommerce'),
                'value' => $text,
                'display' => esc_html($text),
            ];
            return $data;
        }, $data);
    }

    /**
     * The engine's plan for the cart: items and stock from the cart's products, prices in minor units.
     * $items are WooCommerce cart items (['data' => product, 'quantity' => n], keyed by cart item key); null:
     * WooCommerce's cart, through the backorder_wc_cart_items filter.
     */
    public function plan(?array $items = null): ?CheckoutPlan
    {
        $engine = $this->plugin->engine();
        $items ??= apply_filters('backorder_wc_cart_items', function_exists('WC') && WC()->cart ? WC()->cart->get_cart() : []);
        if ($engine === null || $items === []) {
            return null;
        }
        $catalog = $stock = $lines = [];
        $decimals = Money::decimals();
        foreach ($items as $key => $cartItem) {
            $product = $cartItem['data'];
            $quantity = max(1, (int) $cartItem['quantity']);
            // a product without a stock count ships from the shelf: it has what is asked for
            $facts = ProductFacts::of($product) ?? ['item' => ['sku' => ProductFacts::sku($product),
                'name' => (string) $product->get_name(), 'backorders' => false], 'stock' => ['on_hand' => $quantity]];
            $sku = $facts['item']['sku'];
            $catalog[$sku] = $facts['item'] + ['price' => ProductFacts::priceMinor($product, $decimals)];
            $stock[$sku] = ['sku' => $sku] + $facts['stock'];
            $lines[] = ['line_id' => (string) $key, 'sku' => $sku, 'quantity' => $quantity];
        }
        $request = [
            'now' => $this->plugin->now(),
            'items' => array_values($catalog),
            'stock' => array_values($stock),
            'cart' => ['currency' => Money::currency(), 'lines' => $lines],
            'customer' => ['locale' => $this->plugin->locale(), 'zone' => $this->zone()],
        ];
        try {
            return $engine->checkout($request);
        } catch (\Backorder\Exception $e) {
            if ($e->getErrorPath() !== 'customer.locale') {
                throw $e;
            }
            unset($request['customer']['locale']); // a language the engine has no words for: the policy's
            return $engine->checkout($request);
        }
    }

    public function renderChoice(): void
    {
        echo $this->plugin->guard('checkout choice', fn () => $this->choiceHtml($this->plan()), '');
    }

    public function choiceHtml(?CheckoutPlan $plan): string
    {
        if ($plan === null) {
            return '';
        }
        $chosen = $this->requestedStrategy($plan) ?? $plan->defaultStrategy;
        $html = '<div class="backorder-checkout">';
        if ($plan->mixed) {
            $html .= '<fieldset class="backorder-strategies"><legend>' . esc_html__('Some items ship later. How should we ship?', 'backorder-for-woocommerce') . '</legend>';
            foreach ($plan->strategies as $s) {
                $html .= sprintf(
                    '<p class="backorder-strategy" data-strategy="%1$s"><label><input type="radio" name="backorder_strategy" value="%1$s"%2$s> %3$s <span class="backorder-pays" data-minor="%4$d">%5$s</span></label></p>',
                    esc_attr($s->id), checked($s->id, $chosen, false), esc_html($s->disclosure), $s->customerPays,
                    esc_html(sprintf(/* translators: %s: shipping cost */ __('Shipping: %s', 'backorder-for-woocommerce'),
                        Money::format($s->customerPays, $plan->currency))),
                );
            }
            $html .= '</fieldset>' . $this->chosenHtml($plan, $chosen);
        }
        $html .= '<ul class="backorder-disclosures">';
        foreach ($plan->disclosures as $d) {
            $html .= '<li class="backorder-disclosure-' . esc_attr($d->kind) . '">' . esc_html($d->text) . '</li>';
        }
        return $html . '</ul></div>';
    }

    /** The chosen strategy's shipments: what ships when, when it arrives, what each costs. */
    private function chosenHtml(CheckoutPlan $plan, string $chosen): string
    {
        $strategy = $plan->strategy($chosen);
        $names = [];
        foreach ($plan->lines as $line) {
            $names[$line->lineId] = $line->name;
        }
        $html = '<table class="backorder-shipments" data-strategy="' . esc_attr($strategy->id) . '"><thead><tr><th>'
            . esc_html__('Items', 'backorder-for-woocommerce') . '</th><th>' . esc_html__('Ships', 'backorder-for-woocommerce')
            . '</th><th>' . esc_html__('Arrives', 'backorder-for-woocommerce') . '</th><th>'
            . esc_html__('Shipping cost', 'backorder-for-woocommerce') . '</th></tr></thead><tbody>';
        foreach ($strategy->shipments as $shipment) {
            $items = [];
            foreach ($shipment->items as $item) {
                $items[] = esc_html($item->quantity . ' × ' . ($names[$item->lineId] ?? $item->lineId));
            }
            $html .= sprintf('<tr class="backorder-shipment" data-lines="%s"><td>%s</td><td>%s</td><td>%s</td><td class="backorder-charge" data-minor="%d">%s</td></tr>',
                esc_attr(implode(',', $shipment->lineIds())), implode('<br>', $items), self::window($shipment->ship, 'ship'),
                self::window($shipment->delivery, 'delivery'), $shipment->charge, esc_html(Money::format($shipment->charge, $plan->currency)));
        }
        return $html . '</tbody></table>';
    }

    /** <time> with the window's civil dates in data attributes and "Dec 10 – Dec 14" as text. */
    private static function window(\Backorder\Window $window, string $class): string
    {
        $utc = new \DateTimeZone('UTC');
        $from = wp_date('M j', strtotime($window->from . 'T00:00:00Z'), $utc);
        $to = wp_date('M j', strtotime($window->to . 'T00:00:00Z'), $utc);
        return sprintf('<time class="%s" datetime="%s" data-from="%s" data-to="%s">%s</time>', esc_attr($class),
            esc_attr($window->from), esc_attr($window->from), esc_attr($window->to), esc_html($from === $to ? $from : "$from – $to"));
    }

    /** Keeps the shopper's choice and the consent record on the new order. */
    public function saveConsent(mixed $order, mixed $data = null): void
    {
        if (!is_object($order)) {
            return;
        }
        $this->plugin->guard('consent', function () use ($order) {
            $plan = $this->plan();
            if ($plan === null) {
                return null;
            }
            $consent = $plan->consent($this->requestedStrategy($plan), [], $this->plugin->now());
            $order->update_meta_data('_backorder_strategy', $consent->strategy);
            $order->update_meta_data('_backorder_consent', $consent->json());
            return null;
        }, null);
    }

    /** The strategy posted by the checkout form, when the plan offers it. */
    private function requestedStrategy(CheckoutPlan $plan): ?string
    {
        $posted = isset($_POST['backorder_strategy']) ? sanitize_key(wp_unslash((string) $_POST['backorder_strategy'])) : '';
        return $posted !== '' && $plan->strategy($posted) !== null ? $posted : null;
    }

    private function zone(): string
    {
        $country = function_exists('WC') && WC()->customer ? (string) WC()->customer->get_shipping_country() : '';
        return (string) apply_filters('backorder_wc_zone', $country !== '' ? $country : Settings::defaultZone());
    }
}
