<?php

declare(strict_types=1);

namespace Backorder;

/**
 * Where a compliance rule comes from (docs/compliance.md). tag: "V" checked against the official text,
 * "S" a secondary source, "U" unverified (shared/reference/rules.md).
 */
final readonly class Citation
{
    public function __construct(
        public string $source,  // "16 CFR 435.2(c)"
        public string $tag,     // "V", "S" or "U"
        public string $note,
        public string $url,
    ) {
    }

    public static function fromArray(array $a): self
    {
        return new self((string) $a['source'], (string) $a['tag'], (string) ($a['note'] ?? ''), (string) ($a['url'] ?? ''));
    }

    public function toArray(): array
    {
        return ['note' => $this->note, 'source' => $this->source, 'tag' => $this->tag, 'url' => $this->url];
    }
}
