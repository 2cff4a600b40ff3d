<?php

declare(strict_types=1);

namespace PhpShop;

/**
 * The shopper's session: the cart (lines by line id), the chosen strategy, and a token that every form posts
 * back (a page of another site cannot post to the shop in the shopper's name).
 */
final class Session
{
    public static function start(string $dataDir): void
    {
        $dir = "$dataDir/sessions";
        if (!is_dir($dir)) {
            mkdir($dir, 0700, true);
        }
        session_save_path($dir);
        session_start(['cookie_httponly' => true, 'cookie_samesite' => 'Lax', 'use_strict_mode' => true]);
        $_SESSION['csrf'] ??= bin2hex(random_bytes(16));
        $_SESSION['cart'] ??= [];
        $_SESSION['next_line'] ??= 1;
        $_SESSION['strategy'] ??= null;
    }

    public static function csrf(): string
    {
        return $_SESSION['csrf'];
    }

    public static function checkCsrf(): bool
    {
        return is_string($_POST['csrf'] ?? null) && hash_equals($_SESSION['csrf'], $_POST['csrf']);
    }

    /** @return list<array{line_id: string, sku: string, quantity: int}> */
    public static function cart(): array
    {
        return array_values($_SESSION['cart']);
    }

    public static function add(string $sku, int $quantity): void
    {
        foreach ($_SESSION['cart'] as $id => $line) {
            if ($line['sku'] === $sku) {
                $_SESSION['cart'][$id]['quantity'] += $quantity;
                return;
            }
        }
        $id = (string) $_SESSION['next_line']++;
        $_SESSION['cart'][$id] = ['line_id' => $id, 'sku' => $sku, 'quantity' => $quantity];
    }

    public static function replaceSku(string $lineId, string $sku): void
    {
        if (isset($_SESSION['cart'][$lineId])) {
            $_SESSION['cart'][$lineId]['sku'] = $sku;
        }
    }

    public static function remove(string $lineId): void
    {
        unset($_SESSION['cart'][$lineId]);
    }

    public static function clear(): void
    {
        $_SESSION['cart'] = [];
        $_SESSION['strategy'] = null;
    }
}
