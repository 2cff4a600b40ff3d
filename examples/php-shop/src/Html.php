<?php

declare(strict_types=1);

namespace PhpShop;

/** Output helpers. Every dynamic value a page shows goes through one of them. */
final class Html
{
    /** Text for an HTML element or a quoted attribute. */
    public static function h(string|int|null $text): string
    {
        return htmlspecialchars((string) $text, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }

    /**
     * A JSON value inside <script type="application/ld+json">: <, >, & and quotes become \u escapes, so a
     * product name holding "</script>" cannot end the element.
     */
    public static function jsonForScript(array $value): string
    {
        return json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
            | JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT);
    }

    /** "$5.95" from 595 minor units, with integers only (money never becomes a float). */
    public static function money(int $minor, string $currency, string $locale = 'en-US'): string
    {
        $fmt = new \NumberFormatter($locale . '@currency=' . $currency, \NumberFormatter::CURRENCY);
        $symbol = $fmt->getSymbol(\NumberFormatter::CURRENCY_SYMBOL);
        return ($minor < 0 ? '-' : '') . $symbol . self::decimal(abs($minor), $currency, true);
    }

    /** "129.00" from 12900 minor units (schema.org's price), digits as the currency has them. */
    public static function decimal(int $minor, string $currency, bool $grouping = false): string
    {
        $digits = (new \NumberFormatter('en@currency=' . $currency, \NumberFormatter::CURRENCY))
            ->getAttribute(\NumberFormatter::FRACTION_DIGITS);
        $scale = 10 ** $digits;
        $sign = $minor < 0 ? '-' : '';
        $minor = abs($minor);
        $whole = number_format(intdiv($minor, $scale), 0, '.', $grouping ? ',' : '');
        return $sign . $whole . ($digits > 0 ? '.' . str_pad((string) ($minor % $scale), $digits, '0', STR_PAD_LEFT) : '');
    }

    /** "Dec 10 – 14", "Dec 1", "Dec 30 – Jan 3" from a window's civil dates. */
    public static function window(\Backorder\Window|array|null $window): string
    {
        $window = $window instanceof \Backorder\Window ? $window->toArray() : $window;
        if ($window === null) {
            return '';
        }
        $from = new \DateTimeImmutable($window['from']);
        $to = new \DateTimeImmutable($window['to']);
        if ($from == $to) {
            return $from->format('M j');
        }
        return $from->format('M j') . ' – ' . ($from->format('Ym') === $to->format('Ym') ? $to->format('j') : $to->format('M j'));
    }

    /** A <time> element for a window: the ISO dates in data attributes, the short form as text. */
    public static function timeWindow(\Backorder\Window|array|null $window, string $what): string
    {
        $window = $window instanceof \Backorder\Window ? $window->toArray() : $window;
        if ($window === null) {
            return '';
        }
        return sprintf('<time class="%s" data-from="%s" data-to="%s" datetime="%s">%s</time>',
            self::h($what), self::h($window['from']), self::h($window['to']), self::h($window['from']),
            self::h(self::window($window)));
    }
}
