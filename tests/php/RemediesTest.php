<?php

declare(strict_types=1);

use Backorder\Constants;
use Backorder\Engine;
use Backorder\Exception;
use Backorder\RemedyDecision;
use PHPUnit\Framework\TestCase;

/** Engine::remedies(): what the policy's rules grant one delayed order, and why (docs/remedies.md). */
final class RemediesTest extends TestCase
{
    private static function luxury(): Engine
    {
        $policy = json_decode(file_get_contents(BO_APPAREL . '/policy.json'), true, 64, JSON_THROW_ON_ERROR);
        unset($policy['notifications']['delay_remedies']);
        $policy['remedies'] = [
            'positioning' => 'luxury',
            'budget' => ['per_order' => 5000, 'per_period' => 100000, 'period' => 'month'],
            'point_value' => 1,
            'rules' => [
                ['id' => 'vip-long-wait',
                    'when' => ['delay_business_days' => ['min' => 5], 'tiers' => ['gold', 'vip'], 'positioning' => ['luxury']],
                    'then' => [['type' => 'personal_outreach'],
                        ['type' => 'discount', 'percent' => 20, 'max' => 4000, 'code_prefix' => 'VIP']],
                    'stack' => false],
                ['id' => 'big-order', 'when' => ['order_value' => ['min' => 20000], 'causes' => ['supplier']],
                    'then' => [['type' => 'partial_refund', 'percent' => 10, 'max' => 2500],
                        ['type' => 'free_expedited_shipping', 'cost' => 1500]]],
                ['id' => 'everyone', 'when' => ['delay_business_days' => ['min' => 1]],
                    'then' => [['type' => 'loyalty_points', 'per_unit' => 2]]],
            ],
        ];
        return new Engine($policy);
    }

    public function testDelayRemediesOfNotificationsAreOneUnconditionalRule(): void
    {
        $engine = new Engine(BO_APPAREL . '/policy.json');
        $d = $engine->remedies();
        $this->assertInstanceOf(RemedyDecision::class, $d);
        $this->assertSame(['free_expedited_shipping', 'discount'], $d->types());
        $this->assertSame('SORRY', $d->remedies[1]['code_prefix']);
        $this->assertSame('applied', $d->rule('delay_remedies')['status']);
        $again = $engine->remedies(['granted_rules' => ['delay_remedies']]);
        $this->assertSame([], $again->remedies);
        $this->assertSame('already_granted', $again->rule('delay_remedies')['status']);
    }

    public function testARuleThatDoesNotStackEndsTheEvaluation(): void
    {
        $d = self::luxury()->remedies(['order_value' => 30000, 'delay_business_days' => 6, 'tier' => 'gold',
            'cause' => 'supplier', 'lifetime_value' => null]);
        $this->assertSame(['personal_outreach', 'discount'], $d->types());
        $this->assertTrue($d->outreach);
        $this->assertSame(4000, $d->cost);
        $this->assertSame(1000, $d->budget['order_left']);
        $this->assertSame('not_reached', $d->rule('big-order')['status']);
        $this->assertSame('rule vip-long-wait applied and does not stack', $d->rule('big-order')['why']);
        $this->assertNull($d->rule('no-such-rule'));
        $this->assertSame($d->toArray(), json_decode(json_encode($d), true));
    }

    public function testBudgetsCapInOrderAndSaySo(): void
    {
        $d = self::luxury()->remedies(['order_value' => 45000, 'delayed_value' => 30000, 'delay_business_days' => 3,
            'tier' => 'gold', 'cause' => 'supplier', 'order_spent' => 1000]);
        $this->assertSame(['partial_refund', 'free_expedited_shipping'], $d->types());
        $this->assertSame(2500, $d->remedies[0]['amount']);
        $this->assertSame('max', $d->remedies[0]['capped']);
        $this->assertSame('the per-order budget is spent', $d->rule('everyone')['actions'][0]['why']);
    }

    public function testBadValuesNameTheirPath(): void
    {
        try {
            self::luxury()->remedies(['order_value' => -1]);
            $this->fail('accepted a negative order value');
        } catch (Exception $e) {
            $this->assertSame(Constants::BO_EINVALID, $e->getCode());
            $this->assertSame('order_value', $e->getErrorPath());
        }
        try {
            self::luxury()->remedies(['colour' => 'red']);
            $this->fail('accepted an unknown field');
        } catch (Exception $e) {
            $this->assertSame('colour', $e->getErrorPath());
        }
    }

    public function testABadRuleIsRefusedWithItsPath(): void
    {
        $policy = json_decode(file_get_contents(BO_APPAREL . '/policy.json'), true, 64, JSON_THROW_ON_ERROR);
        $policy['remedies'] = ['rules' => [['id' => 'x', 'then' => [['type' => 'free_pony']]]]];
        try {
            new Engine($policy);
            $this->fail('accepted a bad rule');
        } catch (Exception $e) {
            $this->assertSame('policy.remedies.rules[0].then[0].type', $e->getErrorPath());
        }
    }
}
