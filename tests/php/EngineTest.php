<?php

declare(strict_types=1);

use Backorder\Constants;
use Backorder\Engine;
use Backorder\Exception;
use Backorder\Label;
use Backorder\LabelBatch;
use Backorder\Labeler;
use PHPUnit\Framework\TestCase;

/** Labels through the JSON path (label) and the typed batch path (labels), on the apparel store. */
final class EngineTest extends TestCase
{
    private const JACKET = ['sku' => 'JKT-NAVY-M', 'lead_time_days' => ['min' => 10, 'max' => 14]];

    private static Engine $engine;

    public static function setUpBeforeClass(): void
    {
        self::$engine = new Engine(BO_APPAREL . '/policy.json');
    }

    public function testJacketOnBackorder(): void
    {
        $label = self::$engine->label(self::JACKET, ['on_hand' => 0], 1, 'en-US', BO_NOW);
        $this->assertInstanceOf(Label::class, $label);
        $this->assertSame('JKT-NAVY-M', $label->sku);
        $this->assertSame('backorder', $label->status);
        $this->assertSame(Constants::BO_AVAILABILITY_BACKORDER, $label->statusCode);
        $this->assertSame('Backorder – ships in 10–14 days', $label->text);
        $this->assertSame(1, $label->quantity);
        $this->assertSame(0, $label->shipNow);
        $this->assertSame(1, $label->later);
        $this->assertNull($label->nowWindow);
        $this->assertNotNull($label->laterWindow);
        $this->assertSame('2026-12-10', $label->laterWindow->from);
        $this->assertSame('2026-12-14', $label->laterWindow->to);
        $this->assertSame(10, $label->laterWindow->minDays);
        $this->assertSame(14, $label->laterWindow->maxDays);
        $this->assertSame('https://schema.org/BackOrder', $label->schemaOrg);
        $this->assertSame('backorder', $label->merchantAvailability);
        $this->assertSame('2026-12-10T00:00:00-05:00', $label->availabilityDate);
    }

    public function testToArrayHasTheJsonShape(): void
    {
        $a = self::$engine->label(self::JACKET, [], 1, 'en-US', BO_NOW)->toArray();
        $this->assertSame(
            ['sku', 'status', 'status_code', 'text', 'short_text', 'quantity', 'sellable', 'ship_now', 'later',
             'unavailable', 'notify_me', 'now_window', 'later_window', 'schema_org', 'merchant'],
            array_keys($a),
        );
        $this->assertSame(['from' => '2026-12-10', 'to' => '2026-12-14', 'min_days' => 10, 'max_days' => 14], $a['later_window']);
        $this->assertSame(['availability' => 'backorder', 'availability_date' => '2026-12-10T00:00:00-05:00'], $a['merchant']);
        $this->assertEquals(Label::fromArray($a), self::$engine->label(self::JACKET, [], 1, 'en-US', BO_NOW));
    }

    public function testNowAsDateTimeAndDefaults(): void
    {
        $now = new DateTimeImmutable(BO_NOW);
        $this->assertEquals(
            self::$engine->label(self::JACKET, [], 1, 'en-US', BO_NOW),
            self::$engine->label(self::JACKET, [], 1, 'en-US', $now),
        );
        // the policy's locale (en-US) when none is given; the current time when now is null
        $this->assertEquals(self::$engine->label(self::JACKET, [], 1, null, $now), self::$engine->label(self::JACKET, [], 1, 'en-US', $now));
        $this->assertSame('backorder', self::$engine->label(self::JACKET)->status);
        $this->assertSame('en-US', self::$engine->locale());
    }

    public function testPolicyAsArrayJsonOrFile(): void
    {
        $json = file_get_contents(BO_APPAREL . '/policy.json');
        foreach ([$json, json_decode($json, true), BO_APPAREL . '/policy.json'] as $policy) {
            $label = (new Engine($policy))->label(self::JACKET, [], 1, 'en-US', BO_NOW);
            $this->assertSame('Backorder – ships in 10–14 days', $label->text);
        }
    }

    public function testQuantitySplitsStockAndBackorder(): void
    {
        $label = self::$engine->label(['sku' => 'GLV'], ['on_hand' => 3], 5, 'en-US', BO_NOW);
        $this->assertSame(3, $label->shipNow);
        $this->assertSame(2, $label->later);
        $this->assertNotNull($label->nowWindow);
        $this->assertNotNull($label->laterWindow);
        $this->assertSame($label->toArray(), self::$engine->labels([['sku' => 'GLV', 'on_hand' => 3]], 5, 'en-US', BO_NOW)->labels[0]->toArray());
    }

    public function testOtherLocale(): void
    {
        $de = self::$engine->label(self::JACKET, [], 1, 'de-DE', BO_NOW);
        $this->assertNotSame('Backorder – ships in 10–14 days', $de->text);
        $this->assertSame('https://schema.org/BackOrder', $de->schemaOrg);
        $this->assertSame($de->toArray(), self::$engine->labels([self::JACKET], 1, 'de-DE', BO_NOW)->labels[0]->toArray());
    }

    public function testBatchEqualsSingleRowByRow(): void
    {
        $rows = self::apparelRows();
        foreach (['en-US', 'de-DE', 'ja-JP'] as $locale) {
            foreach ([1, 5] as $quantity) {
                $batch = self::$engine->labels($rows, $quantity, $locale, BO_NOW);
                $this->assertInstanceOf(LabelBatch::class, $batch);
                $this->assertSame([], $batch->errors);
                $this->assertCount(count($rows), $batch);
                foreach ($rows as $i => $row) {
                    [$item, $stock] = self::split($row);
                    $single = self::$engine->label($item, $stock, $quantity, $locale, BO_NOW);
                    $this->assertSame($single->toArray(), $batch->labels[$i]?->toArray(), "$locale row $i {$row['sku']} x$quantity");
                }
            }
        }
    }

    public function testBatchCoversEveryStatus(): void
    {
        $batch = self::$engine->labels(self::apparelRows(), 1, 'en-US', BO_NOW);
        $statuses = array_unique(array_map(static fn (Label $l) => $l->status, $batch->labels));
        sort($statuses);
        $this->assertSame(['backorder', 'discontinued', 'in_stock', 'low_stock', 'out_of_stock', 'preorder'], $statuses);
    }

    public function testBadRowsAreReportedAndTheOthersLabelled(): void
    {
        $rows = [
            self::JACKET,
            ['sku' => 'BAD-LEAD', 'lead_time_days' => ['min' => 14, 'max' => 10]],    // the library says
            ['sku' => 'BAD-TYPE', 'on_hand' => '3'],                                 // PHP says: not an int
            ['sku' => 'BAD-FIELD', 'colour' => 'navy'],                              // unknown field
            ['on_hand' => 3],                                                        // no sku
            ['sku' => 'BAD-DATE', 'release_date' => '2027-02-30'],
            ['sku' => 'BAD-QTY', 'quantity' => 0],
            ['sku' => 'OK-NULLS', 'lead_time_days' => null, 'on_hand' => null],     // null: not given
            'not an array',
        ];
        $batch = self::$engine->labels($rows, 1, 'en-US', BO_NOW);
        $this->assertCount(count($rows), $batch->labels);
        $this->assertSame('Backorder – ships in 10–14 days', $batch->labels[0]->text);
        $this->assertNotNull($batch->labels[7]);
        $this->assertTrue($batch->hasErrors());
        $byRow = array_column($batch->errors, null, 'row');
        $this->assertSame([1, 2, 3, 4, 5, 6, 8], array_keys($byRow));
        foreach ($byRow as $row => $error) {
            $this->assertNull($batch->labels[$row]);
            $this->assertSame(Constants::BO_EINVALID, $error['code']);
            $this->assertNotSame('', $error['message']);
        }
        $this->assertSame('rows[1].lead_time_days', $byRow[1]['path']);
        $this->assertSame('BAD-LEAD', $byRow[1]['sku']);
        $this->assertSame('rows[2].on_hand', $byRow[2]['path']);
        $this->assertSame('rows[3].colour', $byRow[3]['path']);
        $this->assertSame('rows[4].sku', $byRow[4]['path']);
        $this->assertSame('rows[5].release_date', $byRow[5]['path']);
        $this->assertSame('rows[6].quantity', $byRow[6]['path']);
        $this->assertSame('rows[8]', $byRow[8]['path']);
    }

    public function testSingleLabelErrorsCarryThePath(): void
    {
        try {
            self::$engine->label(['sku' => 'X', 'lead_time_days' => ['min' => 14, 'max' => 10]], [], 1, 'en-US', BO_NOW);
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertSame(Constants::BO_EINVALID, $e->getCode());
            $this->assertSame('item.lead_time_days', $e->getErrorPath());
            $this->assertStringStartsWith('item.lead_time_days: ', $e->getMessage());
        }
        $this->expectException(Exception::class);
        self::$engine->label(self::JACKET, [], 1, 'en-US', 'yesterday');
    }

    public function testBadPolicyThrowsWithItsPath(): void
    {
        $policy = json_decode(file_get_contents(BO_APPAREL . '/policy.json'), true);
        $policy['calendar']['time_zone'] = 'Mars/Base';
        try {
            new Engine($policy);
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertInstanceOf(RuntimeException::class, $e);
            $this->assertSame(Constants::BO_EINVALID, $e->getCode());
            $this->assertSame(Constants::BO_EINVALID, $e->getStatus());
            $this->assertSame('policy.calendar.time_zone', $e->getErrorPath());
            $this->assertStringContainsString('Mars/Base', $e->getMessage());
            $this->assertSame([['path' => 'policy.calendar.time_zone', 'message' => $e->getReason()]], $e->getErrors());
        }
    }

    public function testValidateListsEveryProblem(): void
    {
        $this->assertSame([], Engine::validate(BO_APPAREL . '/policy.json'));
        $policy = json_decode(file_get_contents(BO_APPAREL . '/policy.json'), true);
        $policy['calendar']['time_zone'] = 'Mars/Base';
        $policy['availability']['lead_time_days'] = ['min' => -1, 'max' => 3];
        $errors = Engine::validate($policy);
        $paths = array_column($errors, 'path');
        $this->assertContains('policy.calendar.time_zone', $paths);
        $this->assertGreaterThanOrEqual(2, count($errors));
        foreach ($errors as $error) {
            $this->assertSame(['path', 'message'], array_keys($error));
        }
        $this->assertNotSame([], Engine::validate('{"version": 1, "colour": "red"}'));
    }

    public function testUnreadablePolicy(): void
    {
        try {
            new Engine('/nonexistent/policy.json');
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertSame('policy', $e->getErrorPath());
            $this->assertSame(Constants::BO_EINVALID, $e->getCode());
        }
    }

    public function testBadLocaleAndNowForBatches(): void
    {
        try {
            self::$engine->labels([self::JACKET], 1, 'xx-NOPE-123456789', BO_NOW);
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertSame('locale', $e->getErrorPath());
        }
        try {
            self::$engine->labels([self::JACKET], 1, 'en-US', '30/11/2026');
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertSame('now', $e->getErrorPath());
        }
        $this->expectException(Exception::class);
        self::$engine->labels([self::JACKET], 0, 'en-US', BO_NOW);
    }

    public function testBatchesLargerThanAChunkKeepRowNumbers(): void
    {
        $rows = [];
        $n = Labeler::CHUNK * 2 + 17;
        for ($i = 0; $i < $n; ++$i) {
            $rows[] = $i % 1000 === 999
                ? ['sku' => "BAD-$i", 'lead_time_days' => ['min' => 9, 'max' => 1]]
                : ['sku' => "SKU-$i", 'on_hand' => $i % 7, 'lead_time_days' => ['min' => 1 + $i % 5, 'max' => 10]];
        }
        $batch = self::$engine->labels($rows, 2, 'en-US', BO_NOW);
        $this->assertCount($n, $batch->labels);
        $this->assertSame(range(999, $n - 1, 1000), array_column($batch->errors, 'row'));
        foreach ($batch->errors as $error) {
            $this->assertSame("rows[{$error['row']}].lead_time_days", $error['path']);
            $this->assertSame("BAD-{$error['row']}", $error['sku']);
        }
        foreach ([0, Labeler::CHUNK - 1, Labeler::CHUNK, Labeler::CHUNK + 1, $n - 1] as $i) {
            [$item, $stock] = self::split($rows[$i]);
            $this->assertSame(self::$engine->label($item, $stock, 2, 'en-US', BO_NOW)->toArray(), $batch->labels[$i]->toArray(), "row $i");
        }
    }

    public function testGeneratorsAndReusableLabeler(): void
    {
        $gen = (static function () {
            yield self::JACKET;
            yield ['sku' => 'SCARF', 'on_hand' => 40];
        })();
        $labeler = self::$engine->labeler('en-US', BO_NOW);
        $first = $labeler->run($gen);
        $second = $labeler->run([self::JACKET, ['sku' => 'SCARF', 'on_hand' => 40]]);
        $this->assertEquals($first, $second);
        $this->assertSame('in_stock', $second->labels[1]->status);
        $labeler->close();
        $this->expectException(Exception::class);
        $labeler->run([self::JACKET]);
    }

    public function testLongAndUnicodeSkus(): void
    {
        $long = str_repeat('Ä', 200000); // 400,000 bytes: more than the SKU buffer of one chunk
        $batch = self::$engine->labels([['sku' => 'ÉTÉ-☀'], ['sku' => $long], ['sku' => 'Z']], 1, 'en-US', BO_NOW);
        $this->assertSame('ÉTÉ-☀', $batch->labels[0]->sku);
        // Past the sku limit (docs/limits.md): refused with its path, and the rows after it still line up.
        $this->assertNull($batch->labels[1]);
        $this->assertSame('Z', $batch->labels[2]->sku);
        $this->assertCount(1, $batch->errors);
        $this->assertSame('rows[1].sku', $batch->errors[0]['path']);
        $this->assertSame($long, $batch->errors[0]['sku']);
    }

    /** @return list<array> the apparel catalog joined with its stock, as flat rows */
    private static function apparelRows(): array
    {
        $items = json_decode(file_get_contents(BO_APPAREL . '/catalog.json'), true)['items'];
        $stock = array_column(json_decode(file_get_contents(BO_APPAREL . '/stock.json'), true)['stock'], null, 'sku');
        $rows = [];
        foreach ($items as $item) {
            $rows[] = $item + ($stock[$item['sku']] ?? []);
        }
        return $rows;
    }

    /** @return array{array, array} a flat row as (item, stock) */
    private static function split(array $row): array
    {
        $stockFields = ['on_hand' => 1, 'reserved' => 1, 'safety_stock' => 1, 'promised' => 1, 'backordered' => 1];
        return [array_diff_key($row, $stockFields), array_intersect_key($row, $stockFields)];
    }
}
