<?php

declare(strict_types=1);

use Backorder\Constants;
use Backorder\Engine;
use Backorder\Exception;
use Backorder\RefundDeadline;
use Backorder\RefundLine;
use Backorder\RefundQuote;
use PHPUnit\Framework\TestCase;

/**
 * Refund quotes through PHP (bo_engine_refund_json): the apparel example (examples/apparel/refund.json) and the
 * hand-computed cases of tests/core/refunds_test.cpp.
 */
final class RefundTest extends TestCase
{
    private static Engine $engine;
    private static array $request;

    public static function setUpBeforeClass(): void
    {
        self::$engine = new Engine(BO_APPAREL . '/policy.json');
        self::$request = json_decode(file_get_contents(BO_APPAREL . '/refund.json'), true, 64, JSON_THROW_ON_ERROR);
    }

    private static function order(array $lines, array $extra = []): array
    {
        return $extra + ['currency' => 'USD', 'payment' => 'card', 'jurisdiction' => 'US', 'lines' => $lines];
    }

    private static function line(string $id, int $quantity, int $unitPrice, array $extra = []): array
    {
        return $extra + ['line_id' => $id, 'quantity' => $quantity, 'unit_price' => $unitPrice];
    }

    public function testTheApparelExampleRefundsTheJacketAndTheSecondPairOfJeans(): void
    {
        $q = self::$engine->refundQuote(self::$request['order'], 'all', self::$request['now']);
        $this->assertInstanceOf(RefundQuote::class, $q);
        $this->assertEquals([new RefundLine('1', 'JKT-NAVY-M', 1, 12900, 400, 1031, 0, 13531),
            new RefundLine('3', 'JNS-SLIM-32', 1, 7900, 246, 632, 0, 8286)], $q->lines);
        $this->assertSame([384, 'proportional'], [$q->shipping, $q->shippingBasis]);
        $this->assertSame(13531 + 8286 + 384, $q->total);
        $this->assertSame(0, $q->stillOpen);
        $this->assertSame('2026-12-03T10:00:00-05:00', $q->now);
        $this->assertInstanceOf(RefundDeadline::class, $q->deadline);
        $this->assertSame(['2026-12-14', 'us_ftc_card', 7, 'working_days', 'original_payment'],
            [$q->deadline->due, $q->deadline->rule, $q->deadline->count, $q->deadline->unit, $q->deadline->method]);
        $this->assertSame('16 CFR 435.1(b)(1), 435.1(d)(2)(ii)', $q->deadline->citation);
        $this->assertNull($q->line('2'));
        // The objects say what the library said, key for key.
        $this->assertSame(json_decode($q->json(), true), $q->toArray());
        $this->assertSame($q->json(), json_encode($q, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES));
    }

    public function testADiscountOf1000SplitsByLargestRemainder(): void
    {
        $order = self::order([self::line('1', 1, 2000), self::line('2', 1, 2000), self::line('3', 1, 2001)],
            ['discounts' => [['code' => 'WELCOME', 'amount' => 1000]]]);
        $q = self::$engine->refundQuote($order, 'all', BO_NOW);
        $this->assertSame([333, 333, 334], array_map(static fn (RefundLine $l) => $l->discount, $q->lines));
        $this->assertSame(6001 - 1000, $q->total);
    }

    public function testWhatToCancelIsAMapOrTheJsonList(): void
    {
        $order = self::order([self::line('1', 3, 1000), self::line('2', 2, 500)]);
        $byMap = self::$engine->refundQuote($order, ['1' => 1, '2' => null], BO_NOW);
        $byList = self::$engine->refundQuote($order, [['line_id' => '1', 'quantity' => 1], ['line_id' => '2']], BO_NOW);
        $this->assertEquals($byMap, $byList);
        $this->assertSame([['1', 1], ['2', 2]], array_map(static fn (RefundLine $l) => [$l->lineId, $l->quantity], $byMap->lines));
        $this->assertSame(2, $byMap->stillOpen);
    }

    public function testDeadlinesPerJurisdictionAndPayment(): void
    {
        $order = self::order([self::line('1', 1, 12900)]);
        // Seven working days from Monday 23 November skip Thanksgiving, a holiday in the apparel calendar.
        $this->assertSame('2026-12-03', self::$engine->refundQuote($order, 'all', '2026-11-23T10:00:00-05:00')->deadline->due);
        $credit = self::$engine->refundQuote(['payment' => 'store_credit_by_shop'] + $order, 'all', BO_NOW)->deadline;
        $this->assertSame(['us_ftc_shop_credit', 'billing_cycles', '2026-12-30'], [$credit->rule, $credit->unit, $credit->due]);
        $eu = self::$engine->refundQuote(['jurisdiction' => 'EU'] + $order, 'all', new DateTimeImmutable(BO_NOW))->deadline;
        $this->assertSame(['eu_crd_art13', '2026-12-14'], [$eu->rule, $eu->due]);
        $uk = self::$engine->refundQuote(['jurisdiction' => 'UK'] + $order, 'all', BO_NOW)->deadline;
        $this->assertSame(['uk_ccr_reg34', 14, 'calendar_days'], [$uk->rule, $uk->count, $uk->unit]);
    }

    public function testADepositLineRefundsItsDeposit(): void
    {
        $order = self::order([self::line('1', 2, 5000, ['deposit' => 2000])]);
        $q = self::$engine->refundQuote($order, ['1' => 1], BO_NOW);
        $this->assertSame([0, 1000, 1000], [$q->lines[0]->items, $q->lines[0]->deposit, $q->total]);
    }

    public function testBadInputListsEveryProblemWithItsPath(): void
    {
        $order = self::order([self::line('1', 1, 12900, ['shipped' => 2]), self::line('2', 0, 100)],
            ['currency' => 'EUR', 'payment' => 'cheque']);
        try {
            self::$engine->refundQuote($order, ['1' => 1, '9' => null], BO_NOW);
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertSame(Constants::BO_EINVALID, $e->getCode());
            $paths = $e->getErrorPaths();
            sort($paths);
            $this->assertSame(['cancel[1].line_id', 'order.currency', 'order.lines[0].shipped', 'order.lines[1].quantity',
                'order.payment'], $paths);
        }
    }
}
