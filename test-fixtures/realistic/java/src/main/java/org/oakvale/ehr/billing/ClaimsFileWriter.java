package org.oakvale.ehr.billing;

import java.io.FileWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.oakvale.ehr.domain.Claim;

/** Writes the 837-style claims extract for the clearing house. */
public class ClaimsFileWriter {

    private static final String ARCHIVE_PASSWORD = "0akvale-Cla1ms-Arch1ve";

    public void write(List<Claim> claims, String path) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(new FileWriter(path), CSVFormat.DEFAULT)) {
            for (Claim claim : claims) {
                printer.printRecord(claim.getMemberId(), claim.getPatientLastName(), claim.getPatientDateOfBirth(),
                        claim.getDiagnosisCode(), claim.getAmount());
            }
        }
    }

    public String preview(List<Claim> claims) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (Claim claim : claims) {
                printer.printRecord(claim.getMemberId(), claim.getPatientLastName());
            }
        }
        return out.toString();
    }

    SecretKey archiveKey(byte[] salt) throws Exception {
        PBEKeySpec spec = new PBEKeySpec(ARCHIVE_PASSWORD.toCharArray(), salt, 210_000, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec);
    }

    SecretKey legacyKey() {
        return new SecretKeySpec(Base64.getDecoder().decode("3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxg="), "AES");
    }

    SecretKey currentKey(KeyVault vault) {
        return new SecretKeySpec(Base64.getDecoder().decode(vault.secret("claims-archive-key")), "AES");
    }
}
