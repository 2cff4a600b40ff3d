<?php

declare(strict_types=1);

use Backorder\Catalog;
use Backorder\Constants;
use Backorder\Engine;
use Backorder\Exception;
use Backorder\Label;
use Backorder\LabelBatch;
use PHPUnit\Framework\TestCase;

/** Prepared catalogs (Backorder\Catalog) and the lazy LabelBatch, on the apparel store. */
final class CatalogTest extends TestCase
{
    private const JACKET = ['sku' => 'JKT-NAVY-M', 'lead_time_days' => ['min' => 10, 'max' => 14]];

    private static Engine $engine;

    public static function setUpBeforeClass(): void
    {
        self::$engine = new Engine(BO_APPAREL . '/policy.json');
    }

    public function testLazyRowsEqualTheEagerPathAndSingleLabels(): void
    {
        $rows = self::apparelRows();
        foreach (['en-US', 'de-DE', 'ja-JP'] as $locale) {
            foreach ([1, 5] as $quantity) {
                $catalog = self::$engine->catalog($rows, $quantity);
                $this->assertSame([], $catalog->errors());
                $this->assertCount(count($rows), $catalog);
                $lazy = self::$engine->labels($catalog, locale: $locale, now: BO_NOW);
                $fromRows = self::$engine->labels($rows, $quantity, $locale, BO_NOW);
                $eager = self::$engine->labels($catalog, locale: $locale, now: BO_NOW);
                $all = $eager->labels; // every Label at once: the unpack-everything path
                $this->assertCount(count($rows), $lazy);
                foreach ($rows as $i => $row) {
                    [$item, $stock] = self::split($row);
                    $single = self::$engine->label($item, $stock, $quantity, $locale, BO_NOW)->toArray();
                    $what = "$locale row $i {$row['sku']} x$quantity";
                    $this->assertSame($single, $lazy[$i]->toArray(), $what);
                    $this->assertSame($single, $all[$i]->toArray(), $what);
                    $this->assertSame($single, $fromRows[$i]->toArray(), $what);
                    $this->assertEquals($all[$i], $lazy->label($i), $what);
                }
                $this->assertSame(array_map(static fn (Label $l) => $l->status, $all), $lazy->statuses());
                $this->assertSame(array_map(static fn (Label $l) => $l->statusCode, $all), $lazy->statusCodes());
                $this->assertSame(array_map(static fn (Label $l) => $l->text, $all), $lazy->texts());
                $this->assertSame(array_map(static fn (Label $l) => $l->shortText, $all), $lazy->shortTexts());
                $this->assertSame(array_map(static fn (Label $l) => $l->schemaOrg, $all), $lazy->schemaOrgs());
                $this->assertSame(array_map(static fn (Label $l) => $l->merchantAvailability, $all), $lazy->merchantAvailabilities());
                $this->assertSame(array_map(static fn (Label $l) => $l->availabilityDate, $all), $lazy->availabilityDates());
                $this->assertSame(array_map(static fn (Label $l) => $l->sku, $all), $lazy->skus());
                $this->assertSame(array_map(static fn (Label $l) => $l->quantity, $all), $lazy->quantities());
                $this->assertSame(array_map(static fn (Label $l) => $l->toArray(), $all), $lazy->toArray());
                $iterated = [];
                foreach ($lazy as $i => $label) {
                    $iterated[$i] = $label->toArray();
                }
                $this->assertSame($lazy->toArray(), $iterated);
                $this->assertSame([], $lazy->errors);
                $this->assertFalse($lazy->hasErrors());
            }
        }
    }

    public function testArrayAccessIsReadOnlyAndBounded(): void
    {
        $batch = self::$engine->labels([self::JACKET], 1, 'en-US', BO_NOW);
        $this->assertInstanceOf(LabelBatch::class, $batch);
        $this->assertTrue(isset($batch[0]));
        $this->assertFalse(isset($batch[1]));
        $this->assertTrue(isset($batch->labels));
        $this->assertSame('Backorder – ships in 10–14 days', $batch[0]->text);
        try {
            $batch[1];
            $this->fail('no exception');
        } catch (OutOfRangeException) {
        }
        $this->expectException(LogicException::class);
        $batch[0] = null;
    }

    public function testStockUpdatedInPlaceTakesEffect(): void
    {
        $rows = [self::JACKET + ['on_hand' => 0], ['sku' => 'SCARF', 'on_hand' => 40], ['sku' => 'GLV', 'on_hand' => 3]];
        $catalog = self::$engine->catalog($rows);
        $before = self::$engine->labels($catalog, locale: 'en-US', now: BO_NOW);
        $this->assertSame(['backorder', 'in_stock', 'low_stock'], $before->statuses());

        $catalog->setStock(0, onHand: 50);
        $catalog->updateStock(['SCARF' => ['on_hand' => 0, 'reserved' => null], 'GLV' => ['on_hand' => 10, 'reserved' => 8]]);
        $catalog->setQuantity(2, 4);
        $after = self::$engine->labels($catalog, locale: 'en-US', now: BO_NOW);

        $expected = [
            self::$engine->label(self::JACKET, ['on_hand' => 50], 1, 'en-US', BO_NOW),
            self::$engine->label(['sku' => 'SCARF'], ['on_hand' => 0], 1, 'en-US', BO_NOW),
            self::$engine->label(['sku' => 'GLV'], ['on_hand' => 10, 'reserved' => 8], 4, 'en-US', BO_NOW),
        ];
        foreach ($expected as $i => $label) {
            $this->assertSame($label->toArray(), $after[$i]->toArray(), "row $i");
        }
        $this->assertSame('in_stock', $after[0]->status);
        $this->assertSame(4, $after[2]->quantity);
        // the earlier batch keeps what it answered, quantities included
        $this->assertSame(['backorder', 'in_stock', 'low_stock'], $before->statuses());
        $this->assertSame(1, $before[2]->quantity);
        $this->assertSame(['sku' => 'GLV', 'on_hand' => 10, 'reserved' => 8, 'safety_stock' => 0, 'promised' => 0,
            'backordered' => 0, 'quantity' => 4], $catalog->row(2));
        $this->assertSame(1, $catalog->rowOf('SCARF'));
        $this->assertNull($catalog->rowOf('NOPE'));

        // a released batch's buffer is reused, and the live ones are untouched
        unset($before);
        $third = self::$engine->labels($catalog, locale: 'de-DE', now: BO_NOW);
        $this->assertSame('in_stock', $after[0]->status);
        $this->assertSame($after->statuses(), $third->statuses());
        $this->assertNotSame($after->texts(), $third->texts());
    }

    public function testBadUpdatesChangeNothing(): void
    {
        $catalog = self::$engine->catalog([self::JACKET + ['on_hand' => 0], ['sku' => 'SCARF', 'on_hand' => 40]]);
        $cases = [
            [fn () => $catalog->setStock(1, onHand: 5, reserved: -1), Constants::BO_EINVALID, 'rows[1].reserved'],
            [fn () => $catalog->setStock(2, onHand: 5), Constants::BO_ENOTFOUND, 'rows[2]'],
            [fn () => $catalog->setQuantity(0, 0), Constants::BO_EINVALID, 'rows[0].quantity'],
            [fn () => $catalog->updateStock(['SCARF' => ['on_hand' => 1], 'NOPE' => ['on_hand' => 1]]), Constants::BO_ENOTFOUND, 'stock["NOPE"]'],
            [fn () => $catalog->updateStock(['SCARF' => ['on_hand' => 1], 'JKT-NAVY-M' => ['on_hand' => '1']]), Constants::BO_EINVALID, 'stock["JKT-NAVY-M"].on_hand'],
            [fn () => $catalog->updateStock(['SCARF' => ['on_hand' => 1, 'colour' => 1]]), Constants::BO_EINVALID, 'stock["SCARF"].colour'],
            [fn () => $catalog->updateStock(['SCARF' => ['on_hand' => Catalog::MAX_QUANTITY + 1]]), Constants::BO_EINVALID, 'stock["SCARF"].on_hand'],
        ];
        foreach ($cases as [$call, $code, $path]) {
            try {
                $call();
                $this->fail("no exception for $path");
            } catch (Exception $e) {
                $this->assertSame($code, $e->getCode(), $path);
                $this->assertSame($path, $e->getErrorPath());
            }
        }
        $this->assertSame(40, $catalog->row(1)['on_hand']);
        $this->assertSame(0, $catalog->row(1)['reserved']);
        $this->assertSame(0, $catalog->row(0)['on_hand']);
        $this->assertSame(1, $catalog->row(0)['quantity']);
        $this->assertSame(['backorder', 'in_stock'], self::$engine->labels($catalog, locale: 'en-US', now: BO_NOW)->statuses());
        // a catalog carries its own quantities
        try {
            self::$engine->labels($catalog, 2, 'en-US', BO_NOW);
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertSame('quantity', $e->getErrorPath());
        }
        // an oversold item (negative on hand) is a stock position, not an error
        $catalog->setStock(1, onHand: -3);
        $this->assertSame(-3, $catalog->row(1)['on_hand']);
    }

    public function testBatchOutlivesItsCatalogEngineAndLabeler(): void
    {
        $make = static function (): LabelBatch {
            $engine = new Engine(BO_APPAREL . '/policy.json');
            $catalog = $engine->catalog([self::JACKET, ['sku' => 'SCARF', 'on_hand' => 40]]);
            $labeler = $engine->labeler('en-US', BO_NOW);
            $batch = $labeler->run($catalog);
            $labeler->close();
            return $batch;
        };
        $batch = $make();
        gc_collect_cycles();
        $this->assertSame(['Backorder – ships in 10–14 days', 'In stock'], $batch->texts());
        $this->assertSame('JKT-NAVY-M', $batch[0]->sku);
        $this->assertSame('2026-12-10', $batch[0]->laterWindow->from);
        $this->assertSame(self::$engine->label(self::JACKET, [], 1, 'en-US', BO_NOW)->toArray(), $batch[0]->toArray());

        // a closed labeler labels no more, but its batches stay readable
        $labeler = self::$engine->labeler('en-US', BO_NOW);
        $kept = $labeler->run([self::JACKET]);
        $labeler->close();
        unset($labeler);
        gc_collect_cycles();
        $this->assertSame('Backorder – ships in 10–14 days', $kept[0]->text);
    }

    public function testBadRowsAreReportedWithPathsAtPreparation(): void
    {
        $rows = [
            self::JACKET,
            ['sku' => 'BAD-LEAD', 'lead_time_days' => ['min' => 14, 'max' => 10]],    // the library says
            ['sku' => 'BAD-TYPE', 'on_hand' => '3'],                                 // PHP says
            ['sku' => 'BAD-FIELD', 'colour' => 'navy'],
            ['on_hand' => 3],
            ['sku' => 'BAD-DATE', 'release_date' => '2027-02-30'],                   // the library says
            ['sku' => 'BAD-QTY', 'quantity' => 0],                                   // the library says
            ['sku' => 'OK-NULLS', 'lead_time_days' => null, 'on_hand' => null],
            'not an array',
            ['sku' => 'BAD-RESERVED', 'reserved' => -1],                             // the library says
        ];
        $expected = [1 => 'rows[1].lead_time_days', 2 => 'rows[2].on_hand', 3 => 'rows[3].colour', 4 => 'rows[4].sku',
            5 => 'rows[5].release_date', 6 => 'rows[6].quantity', 8 => 'rows[8]', 9 => 'rows[9].reserved'];

        // Engine::catalog(): every bad row, now
        $catalog = self::$engine->catalog($rows);
        $this->assertTrue($catalog->hasErrors());
        $this->assertSame($expected, array_column($catalog->errors(), 'path', 'row'));
        foreach ($catalog->errors() as $error) {
            $this->assertSame(Constants::BO_EINVALID, $error['code']);
            $this->assertNotSame('', $error['message']);
        }
        $this->assertSame('BAD-LEAD', $catalog->errors()[0]['sku']);

        // Catalog::fromRows(): what PHP sees now, the rest when labelled; the batch reports all of them alike
        $plain = Catalog::fromRows($rows);
        $this->assertSame([2 => 'rows[2].on_hand', 3 => 'rows[3].colour', 4 => 'rows[4].sku', 8 => 'rows[8]'],
            array_column($plain->errors(), 'path', 'row'));

        foreach ([$catalog, $plain, $rows] as $what) {
            $batch = self::$engine->labels($what, locale: 'en-US', now: BO_NOW);
            $this->assertSame($expected, array_column($batch->errors, 'path', 'row'));
            $this->assertSame(array_column($catalog->errors(), 'message', 'row'), array_column($batch->errors, 'message', 'row'));
            foreach ($expected as $row => $path) {
                $this->assertNull($batch[$row], $path);
                $this->assertNull($batch->labels[$row], $path);
                $this->assertNull($batch->texts()[$row], $path);
                $this->assertNull($batch->statuses()[$row], $path);
                $this->assertSame(0, $batch->statusCodes()[$row], $path);
                $this->assertFalse($batch->hasLabel($row));
            }
            $this->assertSame('Backorder – ships in 10–14 days', $batch[0]->text);
            $this->assertNotNull($batch[7]);
            $this->assertTrue($batch->hasLabel(7));
        }
        try {
            $catalog->setStock(1, onHand: 3);
            $this->fail('no exception');
        } catch (Exception $e) {
            $this->assertSame('rows[1]', $e->getErrorPath());
        }
    }

    public function testEmptyAndGeneratorCatalogs(): void
    {
        $empty = self::$engine->labels(Catalog::fromRows([]), locale: 'en-US', now: BO_NOW);
        $this->assertCount(0, $empty);
        $this->assertSame([], $empty->texts());
        $this->assertSame([], $empty->labels);
        $gen = (static function () {
            yield self::JACKET;
            yield ['sku' => 'ÉTÉ-☀', 'on_hand' => 40];
        })();
        $catalog = Catalog::fromRows($gen, 2);
        $this->assertSame(['JKT-NAVY-M', 'ÉTÉ-☀'], $catalog->skus());
        $batch = self::$engine->labels($catalog, locale: 'en-US', now: BO_NOW);
        $this->assertSame([2, 2], $batch->quantities());
        $this->assertSame('ÉTÉ-☀', $batch[1]->sku);
    }

    /** @return list<array> the apparel catalog joined with its stock, as flat rows */
    public function testCheckoutFieldsAreAcceptedAndChecked(): void
    {
        $rows = [
            self::JACKET + ['category' => 'jackets', 'attributes' => ['size' => 'M'], 'price' => 12900],
            ['sku' => 'BAD-PRICE', 'price' => -1],
            ['sku' => 'BAD-ATTRS', 'attributes' => 'M'],
        ];
        $batch = self::$engine->labels($rows, now: '2026-11-30T09:00:00-05:00', locale: 'en-US');
        $this->assertSame('Backorder – ships in 10–14 days', $batch[0]->text);
        $this->assertSame(['rows[1].price', 'rows[2].attributes'], array_map(static fn ($e) => $e['path'], $batch->errors));
    }

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
