<?php

declare(strict_types=1);

namespace Backorder;

/**
 * Every error the binding reports: a failed library call (the code is its bo_status, e.g.
 * Constants::BO_EINVALID), bad arguments caught in PHP, or a library that cannot be loaded.
 */
class Exception extends \RuntimeException
{
    private readonly string $reason;

    /**
     * @param int $code a bo_status (Constants::BO_E*); BO_EINTERNAL when there is none
     * @param string $errorPath the JSON path of the input at fault ("policy.calendar.time_zone"), or ""
     * @param list<array{path: string, message: string}> $errors every problem, when more than one is known
     */
    public function __construct(
        string $message,
        int $code = -1, // BO_EINTERNAL (literal: this must work before the generated Constants are found)
        private readonly string $errorPath = '',
        private readonly array $errors = [],
        ?\Throwable $previous = null,
    ) {
        $this->reason = $message;
        parent::__construct($errorPath === '' ? $message : "$errorPath: $message", $code, $previous);
    }

    /** The message without the path ("unknown time zone \"Mars/Base\""); getMessage() starts with the path. */
    public function getReason(): string
    {
        return $this->reason;
    }

    /** The JSON path of the input at fault, "" when the error is not about one input. */
    public function getErrorPath(): string
    {
        return $this->errorPath;
    }

    /** The bo_status of the failed call (the same as getCode()). */
    public function getStatus(): int
    {
        return $this->getCode();
    }

    /**
     * Every problem of the failed call, in the library's order: all of them for a rejected policy, scenario,
     * change, cart or consent record (bo_last_error_json), otherwise the one in the message. The first is
     * getErrorPath() and getReason().
     *
     * @return list<array{path: string, message: string}>
     */
    public function getErrors(): array
    {
        return $this->errors ?: [['path' => $this->errorPath, 'message' => $this->reason]];
    }

    /** @return list<string> the path of every problem (getErrors()), "" for one that is not about an input */
    public function getErrorPaths(): array
    {
        return array_column($this->getErrors(), 'path');
    }

    /**
     * @internal Builds the exception from the library's thread-local last error: its code, message and path,
     * and every problem (bo_last_error_json). Call it right after the failed call, before any other.
     */
    public static function fromLastError(\FFI $ffi, int $status): self
    {
        $message = (string) $ffi->bo_last_error_message();
        $path = (string) $ffi->bo_last_error_path();
        $errors = self::issues((string) $ffi->bo_last_error_json());
        if ($message === '') {
            $message = "backorder call failed with status $status";
        }
        return new self($message, $status, $path, $errors);
    }

    /**
     * The [{"path", "message"}] array of bo_last_error_json as PHP arrays ([] for anything else).
     *
     * @return list<array{path: string, message: string}>
     */
    private static function issues(string $json): array
    {
        if ($json === '' || $json === '[]') {
            return [];
        }
        $decoded = json_decode($json, true, 8);
        if (!is_array($decoded)) {
            return [];
        }
        $errors = [];
        foreach ($decoded as $e) {
            if (is_array($e)) {
                $errors[] = ['path' => (string) ($e['path'] ?? ''), 'message' => (string) ($e['message'] ?? '')];
            }
        }
        return $errors;
    }

    /** @internal An input rejected in PHP before it reached the library. */
    public static function invalid(string $path, string $message): self
    {
        return new self($message, -2 /* BO_EINVALID */, $path);
    }
}
