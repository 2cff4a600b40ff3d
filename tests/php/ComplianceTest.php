<?php

declare(strict_types=1);

use Backorder\Citation;
use Backorder\Constants;
use Backorder\Engine;
use Backorder\Exception;
use Backorder\Finding;
use PHPUnit\Framework\TestCase;

/**
 * Compliance through PHP (bo_engine_check_listing_json, bo_engine_check_order_json,
 * bo_engine_rule_packs_json): findings as Backorder\Finding, with the dates of tests/core/compliance_test.cpp
 * (orders placed Monday 30 Nov 2026 09:00 in New York).
 */
final class ComplianceTest extends TestCase
{
    private const BOOTS_45_DAYS = ['sku' => 'BOOT-CHEL-42', 'lead_time_days' => ['min' => 40, 'max' => 45]];

    private static Engine $engine;

    public static function setUpBeforeClass(): void
    {
        self::$engine = new Engine(BO_APPAREL . '/policy.json');
    }

    private static function day(string $day): \DateTimeImmutable
    {
        return new \DateTimeImmutable($day . 'T10:00:00-05:00');
    }

    /** @param list<Finding> $findings */
    private static function one(array $findings, string $ruleId): Finding
    {
        $found = array_values(array_filter($findings, static fn (Finding $f) => $f->ruleId === $ruleId));
        self::assertCount(1, $found, $ruleId);
        return $found[0];
    }

    /** @param list<Finding> $findings */
    private static function ids(array $findings): array
    {
        return array_map(static fn (Finding $f) => $f->ruleId, $findings);
    }

    public function testOnlyTwoLeftWhileTenAreSellable(): void
    {
        $findings = self::$engine->checkListing([
            'now' => BO_NOW,
            'item' => ['sku' => 'JKT-OLIVE-M'],
            'stock' => ['on_hand' => 10],
            'page' => ['claims' => [['kind' => 'only_left', 'quantity' => 2]]],
        ]);
        $f = self::one($findings, 'scarcity.only_left');
        $this->assertTrue($f->isViolation());
        $this->assertSame('2026-11-30', $f->due);
        $this->assertSame('fix_listing', $f->action);
        $this->assertSame('page.claims[0].quantity', $f->path);
        $this->assertStringContainsString('"Only 2 left" while 10 are sellable', $f->message);
        $this->assertInstanceOf(Citation::class, $f->citation);
        $this->assertSame('S', $f->citation->tag);
        $this->assertSame('scarcity.only_left', $f->toArray()['rule_id']);
    }

    public function testTheEnginesOwnLabelIsTruthful(): void
    {
        $item = ['sku' => 'JKT-OLIVE-M'];
        $label = self::$engine->label($item, ['on_hand' => 2], now: BO_NOW);
        $request = ['now' => BO_NOW, 'item' => $item, 'stock' => ['on_hand' => 2], 'label' => $label];
        $this->assertSame([], self::$engine->checkListing($request));
        $request['stock'] = ['on_hand' => 10];
        $this->assertSame('label.sellable', self::one(self::$engine->checkListing($request), 'scarcity.only_left')->path);
    }

    public function testABackorderInTheFeedWithoutAvailabilityDate(): void
    {
        $findings = self::$engine->checkListing([
            'now' => BO_NOW,
            'item' => ['sku' => 'JKT-NAVY-M', 'lead_time_days' => ['min' => 10, 'max' => 14]],
            'feed' => ['availability' => 'backorder'],
        ]);
        $this->assertSame(['google.availability_date_required'], self::ids($findings));
        $this->assertSame('feed.availability_date', $findings[0]->path);
    }

    public function testAnAmazonBackorderShippingInFortyFiveDaysAndAPackForTheCall(): void
    {
        $request = ['now' => BO_NOW, 'item' => self::BOOTS_45_DAYS, 'channels' => ['web', 'amazon']];
        $f = self::one(self::$engine->checkListing($request), 'amazon.ship_within');
        $this->assertStringContainsString('ships by 2027-01-14 (45 days)', $f->message);

        $packs = self::$engine->rulePacks();
        $this->assertCount(8, $packs);
        $amazon = array_values(array_filter($packs, static fn (array $p) => $p['id'] === 'amazon'))[0];
        $amazon['rules'][0]['params']['max_days'] = 60;
        $this->assertSame([], self::$engine->checkListing($request, [$amazon]));
        $this->assertSame([], self::$engine->checkListing($request, [json_encode($amazon)]));
    }

    public function testNoTimeStatedThirtyDaysAndCreditFifty(): void
    {
        $order = ['jurisdiction' => 'US', 'placed_at' => new \DateTimeImmutable(BO_NOW)];
        $findings = self::$engine->checkOrder(['now' => self::day('2026-12-01'), 'order' => $order]);
        $this->assertSame('2026-12-30', self::one($findings, 'ftc.deadline')->due);
        $order['credit_applied'] = true;
        $findings = self::$engine->checkOrder(['now' => self::day('2026-12-01'), 'order' => $order]);
        $this->assertSame('2027-01-19', self::one($findings, 'ftc.deadline')->due);
    }

    public function testALongDelayNeedsConsentOrIsCancelled(): void
    {
        $order = [
            'jurisdiction' => 'US',
            'placed_at' => BO_NOW,
            'notices' => [[
                'sent_at' => self::day('2026-12-20'),
                'revised_date' => new \DateTimeImmutable('2027-02-15'),
                'right_to_cancel' => true,
                'free_cancel' => true,
            ]],
        ];
        $findings = self::$engine->checkOrder(['now' => self::day('2026-12-21'), 'order' => $order]);
        $this->assertSame(['ftc.express_consent', 'ftc.deadline', 'ftc.cancel.no_consent'], self::ids($findings));
        $this->assertSame('due', $findings[0]->severity);
        $this->assertSame('2027-01-29', $findings[0]->due);
        $this->assertSame('cancel_and_refund', $findings[2]->action);
        $this->assertSame('2027-01-30', $findings[2]->due);

        $order['notices'][0]['reply'] = ['answer' => 'consent', 'at' => self::day('2026-12-22')];
        $findings = self::$engine->checkOrder(['now' => self::day('2026-12-23'), 'order' => $order]);
        $this->assertSame(['ftc.deadline'], self::ids($findings));
        $this->assertSame('2027-02-15', $findings[0]->due);
    }

    public function testEuAndUkThirtyDays(): void
    {
        foreach (['DE' => 'eu', 'GB' => 'uk'] as $code => $prefix) {
            $order = ['jurisdiction' => $code, 'placed_at' => BO_NOW];
            $missed = self::one(self::$engine->checkOrder(['now' => self::day('2026-12-31'), 'order' => $order]), "$prefix.delivery_missed");
            $this->assertTrue($missed->isViolation());
            $this->assertSame('2026-12-31', $missed->due);
        }
    }

    public function testAnExampleRequestFile(): void
    {
        $findings = self::$engine->checkOrder(BO_REPO . '/examples/compliance/order-long-delay.json');
        $this->assertContains('ftc.cancel.no_consent', self::ids($findings));
    }

    public function testABadRequestNamesEveryPath(): void
    {
        try {
            self::$engine->checkOrder(['now' => BO_NOW, 'order' => ['placed_at' => BO_NOW, 'notices' => [['sent_at' => 'later']]]]);
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertSame(Constants::BO_EINVALID, $e->getCode());
            $paths = array_map(static fn (array $i) => $i['path'], $e->getErrors());
            $this->assertEqualsCanonicalizing(['order.jurisdiction', 'order.notices[0].sent_at'], $paths);
        }
        $this->expectException(Exception::class);
        self::$engine->checkListing('{"item": ');
    }
}
