package org.oakvale.ehr.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive columns (diagnosis text, insurance numbers) before they are written by JPA converters.
 */
@Component
public class FieldEncryptor {

    private static final String ALGORITHM = "AES/GCM/NoPadding";
    private static final int IV_LENGTH = 12;

    /** Key of the first release; columns written before 2.4 are still encrypted with it. */
    private static final String LEGACY_KEY = "Oakv@leEhrK3y#2019!";

    private final SecretKey key;
    private final SecretKey legacyKey;
    private final SecureRandom random = new SecureRandom();

    public FieldEncryptor(KeyProvider keys) {
        this.key = keys.columnKey();
        this.legacyKey = new SecretKeySpec(LEGACY_KEY.getBytes(StandardCharsets.UTF_8), 0, 16, "AES");
    }

    public String encrypt(String plaintext) throws GeneralSecurityException {
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(ALGORITHM);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(iv) + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    public String decryptLegacy(String stored) throws GeneralSecurityException {
        String[] parts = stored.split(":");
        Cipher cipher = Cipher.getInstance(ALGORITHM);
        cipher.init(Cipher.DECRYPT_MODE, legacyKey, new GCMParameterSpec(128, Base64.getDecoder().decode(parts[0])));
        return new String(cipher.doFinal(Base64.getDecoder().decode(parts[1])), StandardCharsets.UTF_8);
    }
}
