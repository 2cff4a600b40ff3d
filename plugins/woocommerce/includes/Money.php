<?php

declare(strict_types=1);

namespace BackorderWC;

/** Amounts in minor units, formatted with integers only (money never passes through a float). */
final class Money
{
    public static function decimals(): int
    {
        return function_exists('wc_get_price_decimals') ? (int) wc_get_price_decimals() : 2;
    }

    public static function currency(): string
    {
        return function_exists('get_woocommerce_currency') ? (string) get_woocommerce_currency() : 'USD';
    }

    /** "$5.95", plain text (escape it where it is printed). */
    public static function format(int $minor, string $currency): string
    {
        $decimals = self::decimals();
        $scale = 10 ** $decimals;
        $abs = abs($minor);
        $number = number_format_i18n(intdiv($abs, $scale))
            . ($decimals > 0 ? '.' . str_pad((string) ($abs % $scale), $decimals, '0', STR_PAD_LEFT) : '');
        $symbol = function_exists('get_woocommerce_currency_symbol')
            ? html_entity_decode(get_woocommerce_currency_symbol($currency), ENT_QUOTES | ENT_HTML5, 'UTF-8')
            : ($currency === 'USD' ? '$' : "$currency ");
        return ($minor < 0 ? "-" : "") . $symbol . $number;
    }
}
