<?php

declare(strict_types=1);

use Backorder\Constants;
use Backorder\Engine;
use Backorder\Exception;
use Backorder\Store;
use PHPUnit\Framework\TestCase;

/**
 * Store::brief() and Store::report() on every backend: SQLite in memory, SQLite in a file, and PostgreSQL when
 * BO_TEST_POSTGRES_URL names a server (docs/store.md#support-desk-and-report).
 */
final class DeskTest extends TestCase
{
    private const NOW = '2026-12-08T10:00:00-05:00';
    private ?string $dir = null;

    protected function tearDown(): void
    {
        if ($this->dir !== null) {
            foreach (glob($this->dir . '/*') ?: [] as $f) {
                unlink($f);
            }
            rmdir($this->dir);
            $this->dir = null;
        }
    }

    /** @return array<string, array{string}> */
    public static function backends(): array
    {
        return ['sqlite memory' => ['sqlite-memory'], 'sqlite file' => ['sqlite-file'], 'postgresql' => ['postgresql']];
    }

    /** A gold customer's jacket waits on a purchase order that slipped from 7 to 21 December. */
    private function store(string $backend): Store
    {
        $url = 'sqlite::memory:';
        if ($backend === 'postgresql') {
            $url = getenv('BO_TEST_POSTGRES_URL');
            if ($url === false || $url === '') {
                $this->markTestSkipped('BO_TEST_POSTGRES_URL is not set (scripts/pg.sh start DIR prints one)');
            }
        } elseif ($backend === 'sqlite-file') {
            $this->dir = sys_get_temp_dir() . '/bo-php-desk-' . getmypid() . '-' . bin2hex(random_bytes(4));
            mkdir($this->dir);
            $url = 'sqlite:' . $this->dir . '/ledger.db';
        }
        $policy = json_decode(file_get_contents(BO_APPAREL . '/policy.json'), true, 64, JSON_THROW_ON_ERROR);
        $policy['shop'] = sprintf('php-desk-%d-%s', getmypid(), bin2hex(random_bytes(4)));
        $policy['compliance'] = ['jurisdiction' => 'US']; // a US shop: the FTC mail-order rule's deadlines
        $policy['remedies'] = ['rules' => [['id' => 'gold-wait',
            'when' => ['tiers' => ['gold'], 'delay_business_days' => ['min' => 3]],
            'then' => [['type' => 'personal_outreach'], ['type' => 'partial_refund', 'percent' => 10, 'max' => 1000]]]]];
        $store = (new Engine($policy))->store($url, 'a-test-secret-of-32-bytes-length');
        $catalog = ['id' => 'c1', 'type' => 'catalog', 'at' => '2026-11-30T08:00:00-05:00'];
        foreach (['catalog', 'stock'] as $part) {
            $catalog += json_decode(file_get_contents(BO_APPAREL . "/$part.json"), true, 64, JSON_THROW_ON_ERROR);
        }
        $store->apply([
            $catalog,
            ['id' => 'o1', 'type' => 'order_placed', 'at' => '2026-11-30T09:06:00-05:00', 'order' => [
                'id' => 'NW-1',
                'customer' => ['name' => 'Dana', 'email' => 'dana@example.com', 'locale' => 'en-US', 'tier' => 'gold'],
                'lines' => [['line_id' => '1', 'sku' => 'JKT-NAVY-M', 'quantity' => 1, 'unit_price' => 12900]],
            ]],
            ['id' => 'po', 'type' => 'supply_added', 'at' => '2026-12-01T10:00:00-05:00',
                'supply' => ['id' => 'PO-7001', 'sku' => 'JKT-NAVY-M', 'quantity' => 20, 'expected' => '2026-12-07']],
            ['id' => 'slip', 'type' => 'supply_changed', 'at' => '2026-12-07T11:00:00-05:00',
                'supply' => ['id' => 'PO-7001', 'expected' => '2026-12-21']],
        ]);
        return $store;
    }

    /** @dataProvider backends */
    public function testTheDelayMessageNamesTheOutreachAndTheRefund(string $backend): void
    {
        $store = $this->store($backend);
        $delays = array_values(array_filter($store->outbox(now: self::NOW), static fn ($m) => $m->kind === 'delay'));
        $this->assertCount(1, $delays);
        $this->assertStringContainsString('A member of our team will contact you personally.', $delays[0]->text);
        $this->assertStringContainsString('A refund of $10.00 for the wait', $delays[0]->text);
    }

    /** @dataProvider backends */
    public function testTheBriefOfALateOrder(string $backend): void
    {
        $b = $this->store($backend)->brief('NW-1', self::NOW);
        $this->assertSame('late', $b['status']);
        $this->assertSame('PO-7001', $b['lines'][0]['supply']['id']);
        $this->assertStringContainsString('with purchase order PO-7001 arriving Dec 21.', $b['lines'][0]['text']);
        $this->assertSame(['wait', 'cancel', 'alternative'], array_column($b['options'], 'type'));
        $this->assertSame(12900, $b['options'][1]['refund']);
        $this->assertTrue($b['remedies']['outreach']);
        $this->assertContains('personal_outreach', array_column($b['next_steps'], 'type'));
        $this->assertStringStartsWith("Support brief: order NW-1 for Dana\n", $b['text']);
    }

    /** @dataProvider backends */
    public function testTheBriefInSpanishAndItsErrors(string $backend): void
    {
        $store = $this->store($backend);
        $b = $store->brief('NW-1', new \DateTimeImmutable(self::NOW), 'es-ES');
        $this->assertSame('Ficha de soporte: pedido NW-1 de Dana', $b['title']);
        try {
            $store->brief('NW-404', self::NOW);
            $this->fail('briefed an unknown order');
        } catch (Exception $e) {
            $this->assertSame(Constants::BO_ENOTFOUND, $e->getCode());
            $this->assertSame('order_id', $e->getErrorPath());
        }
        try {
            $store->brief('NW-1', self::NOW, 'xx-not-a-locale');
            $this->fail('accepted an unknown locale');
        } catch (Exception $e) {
            $this->assertSame('locale', $e->getErrorPath());
        }
    }

    /** @dataProvider backends */
    public function testTheReport(string $backend): void
    {
        $store = $this->store($backend);
        $r = $store->report(self::NOW);
        $this->assertSame(1, $r['totals']['waiting_units']);
        $this->assertSame(1, $r['totals']['at_risk_orders']);
        $this->assertSame('JKT-NAVY-M', $r['items'][0]['sku']);
        $this->assertSame('PO-7001', $r['items'][0]['next_inbound']['id']);
        $this->assertSame('2026-12-30', $r['deadlines'][0]['due']);
        $this->assertSame('16 CFR 435.2(a)(1), 435.1(c)', $r['deadlines'][0]['citation']);
        $this->assertSame('ftc.deadline', $r['deadlines'][0]['rule']);
        // No delay notice by the deadline: the notice (due 30 December) and the cancellation (31st) are overdue.
        $this->assertSame(2, $store->report('2027-01-02T10:00:00-05:00')['totals']['deadlines_overdue']);
    }

    /**
     * docs/store.md#compliance-scheduling: a slip of more than 30 days past the deadline (30 December) sends the
     * FTC notice with the event; without the shopper's consent the tick of 30 January cancels.
     *
     * @dataProvider backends
     */
    public function testTimePassingSendsTheFtcNoticeAndCancelsWithoutConsent(string $backend): void
    {
        $store = $this->store($backend);
        $store->apply(['id' => 'slip-long', 'type' => 'supply_changed', 'at' => '2026-12-10T11:00:00-05:00',
            'supply' => ['id' => 'PO-7001', 'expected' => '2027-02-15']]);
        $kinds = array_map(fn ($m) => $m->kind, $store->outbox(null, 100, '2027-06-01T00:00:00Z'));
        $this->assertSame(1, count(array_keys($kinds, 'delay_notice')));
        try {
            $store->apply(['id' => 'r', 'type' => 'delay_reply', 'at' => '2026-12-11T09:00:00-05:00',
                'order_id' => 'NW-1', 'answer' => 'soon']);
            $this->fail('accepted an unknown answer');
        } catch (Exception $e) {
            $this->assertSame('answer', $e->getErrorPath());
        }
        $this->assertSame(0, $store->tick('2027-01-29T18:00:00-05:00')->messages);
        $done = $store->tick(new \DateTimeImmutable('2027-01-30T11:00:00+00:00'));
        $this->assertSame('applied', $done->status);
        $this->assertSame(1, $done->messages);
        $order = $store->order('NW-1');
        $this->assertSame(1, $order['lines'][0]['cancelled']);
        $this->assertSame('ftc.cancel.no_consent', $order['compliance']['cancelled']['rule']);
        $this->assertSame('duplicate', $store->tick('2027-01-30T11:00:00+00:00')->status);
    }
}
