<?php

declare(strict_types=1);

use Backorder\Constants;
use Backorder\Library;
use PHPUnit\Framework\TestCase;

/** The generated FFI header and constants: they load, lay out the structs as C does, and match backorder.h. */
final class GeneratedHeaderTest extends TestCase
{
    public function testHeaderIsPreprocessorFree(): void
    {
        $text = file_get_contents(Library::headerPath());
        $this->assertIsString($text);
        $this->assertDoesNotMatchRegularExpression('/^\s*#/m', $text);
        $this->assertStringNotContainsString('__attribute__', $text);
        $this->assertStringNotContainsString('extern "C"', $text);
        $this->assertStringNotContainsString('__cplusplus', $text);
    }

    public function testHeaderLoadsWithFfiCdef(): void
    {
        // FFI::cdef resolves every declared function in the library: none may be missing.
        $ffi = FFI::cdef(Library::headerText(), getenv('BACKORDER_LIBRARY'));
        $this->assertSame(Constants::BO_ABI_VERSION, $ffi->bo_abi_version());
        $this->assertSame(Constants::BO_VERSION_NUMBER, $ffi->bo_version_number());
        $this->assertSame(
            Constants::BO_VERSION_MAJOR . '.' . Constants::BO_VERSION_MINOR . '.' . Constants::BO_VERSION_PATCH,
            $ffi->bo_version_string(),
        );
    }

    public function testEveryFunctionOfTheHeaderIsDeclared(): void
    {
        preg_match_all('/^BO_API [^;(]*?\b(bo_[a-z0-9_]+)\s*\(/m', file_get_contents(BO_REPO . '/capi/include/backorder.h'), $m);
        $this->assertGreaterThanOrEqual(10, count($m[1]));
        $generated = file_get_contents(Library::headerPath());
        foreach (array_unique($m[1]) as $function) {
            $this->assertMatchesRegularExpression('/\b' . $function . '\s*\(/', $generated, $function);
        }
    }

    public function testStructLayoutMatchesTheCCompiler(): void
    {
        $layoutFile = dirname(Library::headerPath()) . '/layout.json';
        $this->assertFileExists($layoutFile, 'the build writes layout.json next to the generated header');
        $layout = json_decode(file_get_contents($layoutFile), true, 8, JSON_THROW_ON_ERROR);
        $ffi = Library::ffi();
        foreach ($layout as $type => $c) {
            $s = $ffi->new($type);
            $this->assertSame($c['sizeof'], FFI::sizeof($s), "sizeof($type)");
            $base = FFI::cast('uintptr_t', FFI::addr($s))->cdata;
            foreach ($c['offsets'] as $field => $offset) {
                $at = FFI::cast('uintptr_t', FFI::addr($s->$field))->cdata - $base;
                $this->assertSame($offset, $at, "offsetof($type, $field)");
            }
        }
    }

    public function testConstantsMatchTheHeader(): void
    {
        $this->assertSame(3, Constants::BO_AVAILABILITY_BACKORDER);
        $this->assertSame(0, Constants::BO_OK);
        $this->assertSame(-2, Constants::BO_EINVALID);
        $this->assertSame(PHP_INT_MIN, Constants::BO_UNSET);
        $this->assertSame(4, Constants::BO_ITEM_BACKORDERS_SET);

        // every object-like BO_ macro with a value is a constant
        preg_match_all('/^#define (BO_[A-Z0-9_]+)[ \t]+\S/m', file_get_contents(BO_REPO . '/capi/include/backorder.h'), $m);
        $this->assertNotEmpty($m[1]);
        $constants = (new ReflectionClass(Constants::class))->getConstants();
        foreach ($m[1] as $name) {
            if ($name === 'BO_API') {
                continue;
            }
            $this->assertArrayHasKey($name, $constants, $name);
        }
        foreach ($constants as $name => $value) {
            $this->assertIsInt($value, $name);
        }
    }

    public function testStatusNamesFollowTheConstants(): void
    {
        $this->assertSame('in_stock', Backorder\Label::STATUS_NAMES[Constants::BO_AVAILABILITY_IN_STOCK]);
        $this->assertSame('backorder', Backorder\Label::STATUS_NAMES[Constants::BO_AVAILABILITY_BACKORDER]);
        $this->assertSame('discontinued', Backorder\Label::STATUS_NAMES[Constants::BO_AVAILABILITY_DISCONTINUED]);
    }
}
