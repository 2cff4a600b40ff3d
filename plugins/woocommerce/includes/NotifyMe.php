<?php

declare(strict_types=1);

namespace BackorderWC;

/**
 * Notify-me, kept in the Backorder ledger:
 *
 * - the form: the [backorder_notify_me product_id="123"] shortcode, and on a product page whose label offers
 *   it (woocommerce_single_product_summary); it posts back to the same page with a nonce;
 * - the handler (init): checks the nonce and the address, then applies the product's facts and a
 *   `subscribed` event to the ledger in one transaction (the same product and address twice is one event);
 * - restocks: woocommerce_product_set_stock and woocommerce_variation_set_stock send the new count to the
 *   ledger (`stock_set`), which writes `back_in_stock` messages for the next subscribers in line;
 * - sending: the backorder_wc_send_messages action (WP-Cron, every five minutes) claims due messages from the
 *   ledger's outbox and sends them with wp_mail; sent ones are acknowledged, failed ones released.
 */
final class NotifyMe
{
    public const CRON_HOOK = 'backorder_wc_send_messages';
    private const NONCE = 'backorder_notify_me';

    /** @var array{ok: bool, message: string, contact: string, product: int}|null the answer to this request's form */
    private ?array $result = null;

    public function __construct(private readonly Plugin $plugin)
    {
    }

    public function register(): void
    {
        add_shortcode('backorder_notify_me', [$this, 'shortcode']);
        add_action('woocommerce_single_product_summary', [$this, 'productSummary'], 35);
        add_action('init', [$this, 'handleRequest']);
        add_action('woocommerce_product_set_stock', [$this, 'stockChanged']);
        add_action('woocommerce_variation_set_stock', [$this, 'stockChanged']);
        add_action(self::CRON_HOOK, [$this, 'sendMessages']);
        add_filter('cron_schedules', static function (array $schedules): array {
            $schedules['backorder_wc_five_minutes'] = ['interval' => 300, 'display' => 'Every five minutes'];
            return $schedules;
        });
        register_activation_hook(BACKORDER_WC_FILE, static function (): void {
            if (!wp_next_scheduled(self::CRON_HOOK)) {
                wp_schedule_event(time() + 60, 'backorder_wc_five_minutes', self::CRON_HOOK);
            }
        });
        register_deactivation_hook(BACKORDER_WC_FILE, static fn () => wp_clear_scheduled_hook(self::CRON_HOOK));
    }

    /** [backorder_notify_me product_id="123"]: the form, or nothing when the product's label does not offer it. */
    public function shortcode(mixed $atts = []): string
    {
        $atts = shortcode_atts(['product_id' => 0], is_array($atts) ? $atts : [], 'backorder_notify_me');
        $product = $this->product((int) $atts['product_id']);
        return $product === null ? '' : $this->plugin->guard('notify-me form', fn () => $this->form($product), '');
    }

    public function productSummary(): void
    {
        global $product;
        if (is_object($product)) {
            echo $this->plugin->guard('notify-me form', fn () => $this->form($product), '');
        }
    }

    public function form(object $product): string
    {
        $label = $this->plugin->label($product);
        $id = (int) $product->get_id();
        $result = $this->result !== null && $this->result['product'] === $id ? $this->result : null;
        if ($label === null || (!$label->notifyMe && $result === null)) {
            return '';
        }
        $html = '<form method="post" class="backorder-notify-me">';
        if ($result !== null) {
            $html .= sprintf('<p class="backorder-notify-%s" role="status">%s</p>', $result['ok'] ? 'ok' : 'error', esc_html($result['message']));
        }
        $html .= wp_nonce_field(self::NONCE, '_backorder_nonce', true, false)
            . '<input type="hidden" name="backorder_notify_product" value="' . esc_attr((string) $id) . '">'
            . '<label>' . esc_html__('Email me when it can be ordered:', 'backorder-for-woocommerce')
            . ' <input type="email" name="backorder_notify_contact" value="' . esc_attr($result !== null && !$result['ok'] ? $result['contact'] : '') . '" required></label> '
            . '<button type="submit">' . esc_html__('Notify me', 'backorder-for-woocommerce') . '</button></form>';
        return $html;
    }

    /** init: a posted notify-me form. */
    public function handleRequest(): void
    {
        if (($_SERVER['REQUEST_METHOD'] ?? '') !== 'POST' || !isset($_POST['backorder_notify_product'])) {
            return;
        }
        $this->result = $this->subscribe(
            (int) $_POST['backorder_notify_product'],
            sanitize_text_field(wp_unslash((string) ($_POST['backorder_notify_contact'] ?? ''))),
            (string) ($_POST['_backorder_nonce'] ?? ''),
        );
    }

    /** @return array{ok: bool, message: string, contact: string, product: int} */
    public function subscribe(int $productId, string $contact, string $nonce): array
    {
        $answer = static fn (bool $ok, string $message) => ['ok' => $ok, 'message' => $message, 'contact' => $contact, 'product' => $productId];
        if (!wp_verify_nonce($nonce, self::NONCE)) {
            return $answer(false, __('This form has expired. Reload the page and try again.', 'backorder-for-woocommerce'));
        }
        $product = $this->product($productId);
        if ($product === null) {
            return $answer(false, __('There is no such product.', 'backorder-for-woocommerce'));
        }
        if (!is_email($contact)) {
            /* translators: %s: what the shopper typed */
            return $answer(false, sprintf(__('“%s” is not an email address we can write to.', 'backorder-for-woocommerce'), $contact));
        }
        $done = $this->plugin->guard('notify-me', function () use ($product, $contact) {
            $facts = ProductFacts::of($product);
            $store = $this->plugin->store();
            if ($facts === null || $store === null) {
                return false;
            }
            $now = $this->plugin->now();
            $sku = $facts['item']['sku'];
            $id = 'wc-notify-' . substr(hash('sha256', $sku . "\n" . strtolower($contact)), 0, 24);
            $store->apply([
                $this->catalogEvent($facts, $now),
                ['id' => $id, 'type' => 'subscribed', 'at' => $now, 'subscription' => [
                    'id' => $id, 'sku' => $sku, 'contact' => $contact, 'locale' => $this->plugin->locale(), 'quantity' => 1,
                ]],
            ]);
            return true;
        }, false);
        return $done
            /* translators: %s: the shopper's email address */
            ? $answer(true, sprintf(__('We will email %s when it can be ordered.', 'backorder-for-woocommerce'), $contact))
            : $answer(false, __('Sorry, we could not save that. Please try again later.', 'backorder-for-woocommerce'));
    }

    /** WooCommerce changed a product's stock: the ledger hears the count (and tells subscribers of a restock). */
    public function stockChanged(mixed $product): void
    {
        if (!is_object($product)) {
            return;
        }
        $this->plugin->guard('stock sync', function () use ($product) {
            $facts = ProductFacts::of($product);
            $store = $this->plugin->store();
            if ($facts === null || $store === null) {
                return null;
            }
            $now = $this->plugin->now();
            $sku = $facts['item']['sku'];
            $onHand = $facts['stock']['on_hand'];
            $store->apply([
                $this->catalogEvent(['item' => $facts['item'], 'stock' => ['on_hand' => 0]], $now), // known to the ledger
                ['id' => 'wc-stock-' . substr(hash('sha256', "$sku\n$now\n$onHand\n" . microtime()), 0, 24),
                 'type' => 'stock_set', 'at' => $now, 'sku' => $sku, 'on_hand' => $onHand],
            ]);
            return null;
        }, null);
    }

    /** WP-Cron: sends the ledger's due messages with wp_mail. Returns how many were sent. */
    public function sendMessages(): int
    {
        return $this->plugin->guard('sending messages', function () {
            $store = $this->plugin->store();
            if ($store === null) {
                return 0;
            }
            $sent = 0;
            foreach ($store->claim(max: 50, leaseSeconds: 120, now: $this->plugin->now()) as $message) {
                $ok = wp_mail($message->recipient, $message->subject, $message->html,
                    ['Content-Type: text/html; charset=UTF-8']);
                $ok ? $store->ack($message) : $store->release($message);
                $sent += $ok ? 1 : 0;
            }
            return $sent;
        }, 0);
    }

    /**
     * The product's facts as a catalog event for the ledger: its id names the content, so the same facts are
     * applied once. A stock count only enters a new item this way; later counts come as stock_set.
     */
    private function catalogEvent(array $facts, string $now): array
    {
        $sku = $facts['item']['sku'];
        return ['id' => 'wc-catalog-' . substr(hash('sha256', json_encode($facts['item'])), 0, 24), 'type' => 'catalog',
            'at' => $now, 'items' => [$facts['item']], 'stock' => [['sku' => $sku] + $facts['stock']]];
    }

    private function product(int $id): ?object
    {
        if ($id <= 0) {
            return null;
        }
        $product = apply_filters('backorder_wc_product', function_exists('wc_get_product') ? wc_get_product($id) : null, $id);
        return is_object($product) ? $product : null;
    }
}
