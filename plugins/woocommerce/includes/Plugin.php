<?php

declare(strict_types=1);

namespace BackorderWC;

use Backorder\Engine;
use Backorder\Label;
use Backorder\Store;

/**
 * The plugin's one object: it registers the hooks and holds, per request, the engine (built from the policy on
 * first use), the ledger and the labels already computed. Whatever goes wrong inside a hook is logged and the
 * hook answers what WooCommerce would have shown without the plugin: a shop page never breaks because of it.
 */
final class Plugin
{
    private static ?self $instance = null;
    private ?Engine $engine = null;
    private ?Store $store = null;
    /** @var array<string, Label|null> by sku, quantity, locale and moment */
    private array $labels = [];
    private ?NotifyMe $notifyMe = null;

    public static function instance(): self
    {
        return self::$instance ??= new self();
    }

    public function register(): void
    {
        (new Availability($this))->register();
        (new StructuredData($this))->register();
        (new CartEta($this))->register();
        ($this->notifyMe = new NotifyMe($this))->register();
        add_action('admin_notices', [$this, 'adminNotice']);
    }

    /** The notify-me part (its form handler runs on init). */
    public function notifyMe(): NotifyMe
    {
        return $this->notifyMe ??= new NotifyMe($this);
    }

    /** The engine, or null (the reason is logged once and shown to admins) when it cannot be built. */
    public function engine(): ?Engine
    {
        if ($this->engine !== null) {
            return $this->engine;
        }
        if (!Loader::load()) {
            return null;
        }
        $policy = Settings::policy();
        if ($policy === null) {
            return null;
        }
        try {
            $this->engine = new Engine($policy);
        } catch (\Throwable $e) {
            $this->log('the policy could not be loaded', $e);
        }
        return $this->engine;
    }

    /** The shop's ledger (notify-me, restocks, the outbox), opened on first use. */
    public function store(): ?Store
    {
        if ($this->store === null && ($engine = $this->engine()) !== null) {
            $this->store = $engine->store(Settings::ledger(), secret: Settings::secret());
        }
        return $this->store;
    }

    /**
     * The engine's label for $quantity units of a product, or null when the plugin has nothing to say (no
     * engine, a product without a stock count, bad product data: logged).
     */
    public function label(object $product, int $quantity = 1): ?Label
    {
        $facts = ProductFacts::of($product);
        $engine = $this->engine();
        if ($facts === null || $engine === null) {
            return null;
        }
        $now = $this->now();
        $locale = $this->locale();
        $key = implode("\0", [$facts['item']['sku'], $quantity, $locale, $now, json_encode($facts)]);
        if (array_key_exists($key, $this->labels)) {
            return $this->labels[$key];
        }
        try {
            $label = $engine->label($facts['item'], $facts['stock'], $quantity, $locale, $now);
        } catch (\Backorder\Exception $e) {
            if ($e->getErrorPath() !== 'locale') {
                throw $e;
            }
            $label = $engine->label($facts['item'], $facts['stock'], $quantity, null, $now); // the policy's locale
        }
        return $this->labels[$key] = $label;
    }

    /** The moment labels and plans are computed for: the clock, unless the backorder_wc_now filter pins it. */
    public function now(): string
    {
        $now = apply_filters('backorder_wc_now', null);
        if ($now instanceof \DateTimeInterface) {
            return Engine::iso8601($now);
        }
        return is_string($now) && $now !== '' ? $now : Engine::iso8601(new \DateTimeImmutable('now'));
    }

    /** WordPress's locale as a BCP 47 tag ("de_DE" -> "de-DE"); the backorder_wc_locale filter may change it. */
    public function locale(): string
    {
        return (string) apply_filters('backorder_wc_locale', str_replace('_', '-', determine_locale()));
    }

    /**
     * Runs a hook's work; on any failure logs it and returns the fallback (what WooCommerce had).
     *
     * @template T
     * @param callable(): T $work
     * @param T $fallback
     * @return T
     */
    public function guard(string $what, callable $work, mixed $fallback): mixed
    {
        try {
            return $work();
        } catch (\Throwable $e) {
            $this->log($what, $e);
            return $fallback;
        }
    }

    public function log(string $what, \Throwable $e): void
    {
        error_log("backorder-for-woocommerce: $what: " . $e->getMessage());
        do_action('backorder_wc_error', $what, $e);
    }

    public function adminNotice(): void
    {
        if (!current_user_can('manage_options')) {
            return;
        }
        $problem = Loader::load() ? (Settings::policy() === null ? 'Set BACKORDER_WC_POLICY (a policy file) to start.' : null)
            : Loader::problem();
        if ($problem !== null) {
            printf('<div class="notice notice-warning"><p>%s %s</p></div>',
                esc_html__('Backorder for WooCommerce is idle:', 'backorder-for-woocommerce'), esc_html($problem));
        }
    }

    /** @internal tests: a fresh engine, ledger and label cache (after changing settings). */
    public function reset(): void
    {
        $this->store?->close();
        $this->store = null;
        $this->engine = null;
        $this->labels = [];
        Loader::reset();
    }
}
