<?php

declare(strict_types=1);

namespace Lakeshore\Portal\Support;

final class Vault
{
    private string $key;

    public function __construct()
    {
        $this->key = base64_decode((string) getenv('EXPORT_SEALING_KEY'), true);
    }

    public function seal(string $plaintext): string
    {
        $nonce = random_bytes(SODIUM_CRYPTO_SECRETBOX_NONCEBYTES);
        return $nonce . sodium_crypto_secretbox($plaintext, $nonce, $this->key);
    }
}
