<?php

declare(strict_types=1);

namespace BackorderWC;

/**
 * Where the plugin finds what it needs. Each setting is a constant (wp-config.php) or, failing that, an option
 * (get_option), then a default. README.md lists them.
 */
final class Settings
{
    /** The merchant policy: a JSON file's path or the JSON text (docs/policy.md). Without one the plugin idles. */
    public static function policy(): ?string
    {
        return self::get('BACKORDER_WC_POLICY', 'backorder_wc_policy');
    }

    /** libbackorder.so.1's absolute path; null: the BACKORDER_LIBRARY environment variable or the loader's search. */
    public static function library(): ?string
    {
        return self::get('BACKORDER_WC_LIBRARY', 'backorder_wc_library');
    }

    /** The PHP package's autoload.php (bindings/php/autoload.php or a Composer vendor/autoload.php). */
    public static function binding(): ?string
    {
        return self::get('BACKORDER_WC_BINDING', 'backorder_wc_binding');
    }

    /**
     * The ledger's URL. Default: a SQLite file in wp-content/backorder-private/, which the plugin shields with a
     * deny-all .htaccess; on nginx or any server that ignores it, set BACKORDER_WC_LEDGER outside the web root.
     */
    public static function ledger(): string
    {
        $url = self::get('BACKORDER_WC_LEDGER', 'backorder_wc_ledger');
        if ($url !== null) {
            return $url;
        }
        $dir = WP_CONTENT_DIR . '/backorder-private';
        if (!is_dir($dir)) {
            wp_mkdir_p($dir);
            file_put_contents("$dir/.htaccess", "Require all denied\n");
            file_put_contents("$dir/index.php", "<?php // Silence.\n");
        }
        return "sqlite:$dir/ledger.db";
    }

    /** Signs the ledger's manage links: the constant, else derived from WordPress's own secret keys. */
    public static function secret(): string
    {
        return self::get('BACKORDER_WC_SECRET', null)
            ?? hash_hmac('sha256', 'backorder-for-woocommerce ledger', wp_salt('secure_auth'));
    }

    /** The shipping zone of the policy's transit table when the customer's country is not known. */
    public static function defaultZone(): string
    {
        return self::get('BACKORDER_WC_ZONE', 'backorder_wc_zone') ?? 'US';
    }

    private static function get(string $constant, ?string $option): ?string
    {
        if (defined($constant)) {
            $value = (string) constant($constant);
        } elseif ($option !== null) {
            $value = (string) get_option($option, '');
        } else {
            $value = '';
        }
        return $value === '' ? null : $value;
    }
}
