<?php

declare(strict_types=1);

use BackorderWC\NotifyMe;
use BackorderWC\Plugin;

/**
 * Notify-me through WordPress: the shortcode's form, the posted form handled on init, the subscription in the
 * Backorder ledger, a WooCommerce restock (woocommerce_product_set_stock) and the message sent with wp_mail.
 */
final class NotifyMeTest extends PluginTestCase
{
    /** @var list<array> mails wp_mail was asked to send */
    private array $mails = [];

    protected function setUp(): void
    {
        parent::setUp();
        $products = [12 => self::tee(), 13 => self::scarf()];
        add_filter('backorder_wc_product', static fn ($p, int $id) => $products[$id] ?? $p, 10, 2);
        add_filter('pre_wp_mail', function ($short, array $atts) {
            $this->mails[] = $atts;
            return true; // sent
        }, 10, 2);
    }

    private function post(int $productId, string $contact, ?string $nonce = null): string
    {
        $_SERVER['REQUEST_METHOD'] = 'POST';
        $_POST = ['backorder_notify_product' => (string) $productId, 'backorder_notify_contact' => wp_slash($contact),
                  '_backorder_nonce' => $nonce ?? wp_create_nonce('backorder_notify_me')];
        // the handler WordPress runs on init (running all of init again would re-register WordPress's blocks)
        $handler = [Plugin::instance()->notifyMe(), 'handleRequest'];
        $this->assertSame(10, has_action('init', $handler));
        $handler();
        return do_shortcode("[backorder_notify_me product_id=\"$productId\"]");
    }

    public function testTheFormShowsWhereTheLabelOffersIt(): void
    {
        $form = do_shortcode('[backorder_notify_me product_id="12"]');
        $this->assertTrue(self::expected(['sku' => 'TEE-BASIC-S', 'backorders' => false], ['on_hand' => 0])->notifyMe);
        $this->assertStringContainsString('name="backorder_notify_contact"', $form);
        $this->assertStringContainsString('name="_backorder_nonce"', $form);
        $this->assertFalse(self::expected(['sku' => 'SCF-WOOL-GRY'], ['on_hand' => 40])->notifyMe);
        $this->assertSame('', do_shortcode('[backorder_notify_me product_id="13"]'), 'in stock: nothing to wait for');
        $this->assertSame('', do_shortcode('[backorder_notify_me product_id="999"]'));
    }

    public function testASubscriptionReachesTheLedgerAndTheRestockIsMailed(): void
    {
        $contact = 'lee.' . uniqid() . '@example.com';
        $html = $this->post(12, $contact);
        $this->assertStringContainsString('class="backorder-notify-ok"', $html);
        $this->assertStringContainsString(esc_html($contact), $html);
        $this->assertSame([], $this->errors);

        // WooCommerce restocks six tees and fires its action; the ledger writes the message; cron sends it
        $tee = self::tee(6);
        do_action('woocommerce_product_set_stock', $tee);
        do_action(NotifyMe::CRON_HOOK);
        $sent = array_values(array_filter($this->mails, static fn ($m) => $m['to'] === $contact));
        $this->assertCount(1, $sent, 'one back-in-stock mail to the subscriber');
        $this->assertStringContainsString('Basic tee, S', $sent[0]['subject'] . $sent[0]['message']);
        $this->assertSame([], $this->errors);

        // sent means acknowledged: the next run sends nothing again
        $this->mails = [];
        do_action(NotifyMe::CRON_HOOK);
        $this->assertSame([], array_filter($this->mails, static fn ($m) => $m['to'] === $contact));
        $this->assertSame([], Plugin::instance()->store()->outbox('pending'));
    }

    public function testAFailedMailIsReleasedForTheNextRun(): void
    {
        $contact = 'kim.' . uniqid() . '@example.com';
        $this->post(12, $contact);
        do_action('woocommerce_product_set_stock', self::tee(0));
        do_action('woocommerce_product_set_stock', self::tee(8));
        remove_all_filters('pre_wp_mail');
        add_filter('pre_wp_mail', static fn () => false); // the mail server refuses
        do_action(NotifyMe::CRON_HOOK);
        $pending = array_filter(Plugin::instance()->store()->outbox('pending', now: self::NOW), static fn ($m) => $m->recipient === $contact);
        $this->assertCount(1, $pending, 'released: it goes out with the next run');
    }

    public function testBadInputIsRefusedAndQuotedEscaped(): void
    {
        $html = $this->post(12, 'lee@example.com', 'not-a-nonce');
        $this->assertStringContainsString('class="backorder-notify-error"', $html);
        $this->assertStringContainsString('This form has expired', $html);

        $hostile = '"><script>window.__xss=1</script>';
        $html = $this->post(12, $hostile);
        $this->assertStringContainsString('class="backorder-notify-error"', $html);
        $this->assertStringNotContainsString('<script>', $html);
        $doc = new DOMDocument();
        @$doc->loadHTML('<?xml encoding="utf-8"?>' . $html);
        $this->assertSame(0, $doc->getElementsByTagName('script')->length, 'no element made of the input');
        $status = (new DOMXPath($doc))->query('//p[@role="status"]')->item(0)->textContent;
        // sanitize_text_field strips tags first, as WordPress does with every text field; what is left is quoted as text
        $this->assertSame('“' . sanitize_text_field($hostile) . '” is not an email address we can write to.', $status);
    }
}
