package org.oakvale.ehr.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Opaque tokens for the links in result-notification emails (they carry the report id and the patient's MRN). */
public final class ReportTokenCipher {

    private ReportTokenCipher() {
    }

    public static String seal(String reportId, String mrn) throws Exception {
        SecretKeySpec keySpec = new SecretKeySpec("R3sultL1nkS3cr3t".getBytes(StandardCharsets.UTF_8), "AES");
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, keySpec, new IvParameterSpec(new byte[16]));
        byte[] out = cipher.doFinal((reportId + "|" + mrn).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }
}
