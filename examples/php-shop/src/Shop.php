<?php

declare(strict_types=1);

namespace PhpShop;

use Backorder\Engine;
use Backorder\Store;

/**
 * The demo shop's facts and services for one request: the engine over the apparel policy, the ledger (a SQLite
 * file in the data folder, seeded once with the catalog and stock), the catalog's names and prices, and `now`.
 * Everything comes from the environment so a test can pin it (README.md lists the variables).
 */
final class Shop
{
    public readonly Engine $engine;
    public readonly Store $store;
    /** @var array<string, array> catalog items by sku, in catalog order */
    public readonly array $items;
    public readonly string $now;
    public readonly string $dataDir;

    public function __construct()
    {
        $examples = dirname(__DIR__, 2) . '/apparel';
        $this->dataDir = self::env('BO_SHOP_DATA', sys_get_temp_dir() . '/backorder-php-shop');
        if (!is_dir($this->dataDir)) {
            mkdir($this->dataDir, 0700, true);
        }
        $catalog = self::readJson(self::env('BO_SHOP_CATALOG', "$examples/catalog.json"));
        $stock = self::readJson(self::env('BO_SHOP_STOCK', "$examples/stock.json"));
        $items = [];
        foreach ($catalog['items'] as $item) {
            $items[$item['sku']] = $item;
        }
        $this->items = $items;
        // A fixed moment makes the pages reproducible (tests); otherwise the clock, read here at the edge.
        $this->now = self::env('BO_SHOP_NOW', (new \DateTimeImmutable('now'))->format('Y-m-d\TH:i:sP'));
        $this->engine = new Engine(self::env('BO_SHOP_POLICY', "$examples/policy.json"));
        $secret = self::env('BO_SHOP_SECRET', 'php-shop-demo-secret-not-for-production');
        $this->store = $this->engine->store('sqlite:' . $this->dataDir . '/ledger.db', secret: $secret);
        // The seed's id names its content: applied once per ledger, a no-op ("duplicate") on later requests.
        $this->store->apply([
            'id' => 'seed-' . sha1(json_encode([$catalog, $stock])),
            'type' => 'catalog',
            'at' => $this->now,
            'items' => $catalog['items'],
            'stock' => $stock['stock'],
        ]);
    }

    public function item(string $sku): ?array
    {
        return $this->items[$sku] ?? null;
    }

    /** The shopper's locale and shipping zone: one market in this demo. */
    public function customer(): array
    {
        return ['locale' => 'en-US', 'zone' => 'US'];
    }

    public function currency(): string
    {
        return 'USD';
    }

    private static function env(string $name, string $default): string
    {
        $value = getenv($name);
        return $value === false || $value === '' ? $default : $value;
    }

    private static function readJson(string $path): array
    {
        $text = @file_get_contents($path);
        if ($text === false) {
            throw new \RuntimeException("cannot read $path");
        }
        return json_decode($text, true, 64, JSON_THROW_ON_ERROR);
    }
}
