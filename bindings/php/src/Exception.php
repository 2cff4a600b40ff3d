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
     * Every problem found, when the library lists them (a rejected policy); otherwise the one in the message.
     *
     * @return list<array{path: string, message: string}>
     */
    public function getErrors(): array
    {
        return $this->errors ?: [['path' => $this->errorPath, 'message' => $this->reason]];
    }

    /** @internal Builds the exception from the library's thread-local last error. */
    public static function fromLastError(\FFI $ffi, int $status, array $errors = []): self
    {
        $message = (string) $ffi->bo_last_error_message();
        $path = (string) $ffi->bo_last_error_path();
        if ($message === '') {
            $message = "backorder call failed with status $status";
        }
        return new self($message, $status, $path, $errors);
    }

    /** @internal An input rejected in PHP before it reached the library. */
    public static function invalid(string $path, string $message): self
    {
        return new self($message, -2 /* BO_EINVALID */, $path);
    }
}
