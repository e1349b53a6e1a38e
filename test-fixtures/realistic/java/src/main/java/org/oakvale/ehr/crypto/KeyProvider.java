package org.oakvale.ehr.crypto;

import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Column keys come from the secret store, injected as base64 at start-up. */
@Component
public class KeyProvider {

    private final byte[] columnKey;

    public KeyProvider(@Value("${ehr.crypto.column-key}") String columnKeyBase64) {
        this.columnKey = Base64.getDecoder().decode(columnKeyBase64);
    }

    public SecretKey columnKey() {
        return new SecretKeySpec(columnKey, "AES");
    }
}
