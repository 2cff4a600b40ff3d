<?php

declare(strict_types=1);

use Backorder\Constants;
use Backorder\Library;
use PHPUnit\Framework\TestCase;

/** Loading: version checks and the messages a shop sees when something is missing. */
final class LibraryTest extends TestCase
{
    public function testLoadsTheLibraryOnceAndChecksItsAbi(): void
    {
        $this->assertSame(Library::ffi(), Library::ffi());
        $this->assertSame(Constants::BO_ABI_VERSION, Library::abiVersion());
        $this->assertMatchesRegularExpression('/^\d+\.\d+\.\d+/', Backorder\Engine::version());
        $this->assertSame(getenv('BACKORDER_LIBRARY'), Library::loadedFrom());
    }

    public function testMissingLibraryGivesAClearMessage(): void
    {
        [$code, $out] = self::child(['BACKORDER_LIBRARY' => '/nonexistent/libbackorder.so.1']);
        $this->assertNotSame(0, $code);
        $this->assertStringContainsString('Backorder\Exception', $out);
        $this->assertStringContainsString('The Backorder library was not found', $out);
        $this->assertStringContainsString('/nonexistent/libbackorder.so.1', $out);
    }

    public function testSonameNotFoundGivesAClearMessage(): void
    {
        // no BACKORDER_LIBRARY: the soname through the loader, which does not know it here
        [$code, $out] = self::child(['BACKORDER_LIBRARY' => false, 'LD_LIBRARY_PATH' => '/nonexistent']);
        if ($code === 0) {
            $this->markTestSkipped('libbackorder.so.1 is installed system-wide');
        }
        $this->assertStringContainsString('The Backorder library could not be loaded', $out);
        $this->assertStringContainsString('libbackorder.so.1', $out);
        $this->assertStringContainsString('BACKORDER_LIBRARY', $out);
    }

    public function testRelativeLibraryPathIsRefused(): void
    {
        [$code, $out] = self::child(['BACKORDER_LIBRARY' => 'libbackorder.so.1']);
        $this->assertNotSame(0, $code);
        $this->assertStringContainsString('BACKORDER_LIBRARY must be an absolute path', $out);
    }

    public function testNotALibraryGivesAClearMessage(): void
    {
        [$code, $out] = self::child(['BACKORDER_LIBRARY' => __FILE__]);
        $this->assertNotSame(0, $code);
        $this->assertStringContainsString('The Backorder library could not be loaded', $out);
    }

    public function testTooOldLibraryGivesAClearMessage(): void
    {
        // libc lacks the bo_ functions: what a library older than this binding looks like to FFI
        $libc = '/lib/x86_64-linux-gnu/libc.so.6';
        if (!is_file($libc)) {
            $this->markTestSkipped("no $libc");
        }
        [$code, $out] = self::child(['BACKORDER_LIBRARY' => $libc]);
        $this->assertNotSame(0, $code);
        $this->assertStringContainsString('is too old for this binding', $out);
        $this->assertStringContainsString('ABI version ' . Constants::BO_ABI_VERSION, $out);
    }

    public function testDisabledFfiGivesAClearMessage(): void
    {
        [$code, $out] = self::child([], ['-d', 'ffi.enable=0']);
        $this->assertNotSame(0, $code);
        $this->assertStringContainsString('PHP FFI is disabled', $out);
        $this->assertStringContainsString('ffi.enable=true', $out);
    }

    public function testMissingHeaderGivesAClearMessage(): void
    {
        [$code, $out] = self::child(['BACKORDER_FFI_HEADER' => '/nonexistent/backorder_ffi.h']);
        $this->assertNotSame(0, $code);
        $this->assertStringContainsString('generated FFI header was not found', $out);
    }

    public function testPreloadedScopeIsUsedUnderFfiEnablePreload(): void
    {
        // what a web SAPI does with ffi.enable=preload: ffi.preload declares the scope, the binding uses it
        $preload = dirname(Library::headerPath()) . '/backorder_ffi_preload.h';
        $this->assertFileExists($preload);
        [$code, $out] = self::child(
            ['LD_LIBRARY_PATH' => dirname(getenv('BACKORDER_LIBRARY')), 'BACKORDER_LIBRARY' => false],
            ['-d', 'ffi.enable=preload', '-d', "ffi.preload=$preload"],
            ' echo "|", Backorder\Library::loadedFrom();',
        );
        $this->assertSame(0, $code, $out);
        $this->assertSame('Backorder – ships in 10–14 days|preloaded scope BACKORDER', $out);
    }

    public function testTheChildProcessWorksWithTheRealSettings(): void
    {
        [$code, $out] = self::child([]);
        $this->assertSame(0, $code, $out);
        $this->assertStringContainsString('Backorder – ships in 10–14 days', $out);
    }

    /**
     * Runs a PHP child that labels the apparel jacket, with changed environment variables (false: unset).
     *
     * @return array{int, string} exit code, stdout+stderr
     */
    private static function child(array $env, array $phpArgs = [], string $more = ''): array
    {
        $script = 'require ' . var_export(BO_REPO . '/bindings/php/autoload.php', true) . ';'
            . ' $e = new Backorder\Engine(' . var_export(BO_APPAREL . '/policy.json', true) . ');'
            . ' echo $e->label(["sku" => "JKT-NAVY-M", "lead_time_days" => ["min" => 10, "max" => 14]], [],'
            . ' 1, "en-US", "' . BO_NOW . '")->text;' . $more;
        $vars = getenv();
        if (!isset($env['BACKORDER_FFI_HEADER']) && getenv('BACKORDER_FFI_HEADER') === false) {
            $vars['BACKORDER_FFI_HEADER'] = Library::headerPath();
        }
        foreach ($env as $k => $v) {
            if ($v === false) {
                unset($vars[$k]);
            } else {
                $vars[$k] = $v;
            }
        }
        $cmd = array_merge([PHP_BINARY], $phpArgs, ['-r', $script]);
        $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, null, $vars);
        $out = stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        return [proc_close($p), (string) $out];
    }
}
