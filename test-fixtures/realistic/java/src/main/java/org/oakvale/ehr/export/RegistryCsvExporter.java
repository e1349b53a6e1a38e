package org.oakvale.ehr.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;

import org.oakvale.ehr.domain.Patient;
import org.oakvale.ehr.domain.PatientRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Monthly immunisation registry extract: one CSV line per patient vaccinated in the month. */
@Service
public class RegistryCsvExporter {

    private static final Logger log = LoggerFactory.getLogger(RegistryCsvExporter.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final PatientRepository patients;
    private final ExportCipherFactory ciphers;

    public RegistryCsvExporter(PatientRepository patients, ExportCipherFactory ciphers) {
        this.patients = patients;
        this.ciphers = ciphers;
    }

    @Scheduled(cron = "0 0 2 1 * *")
    public void exportLastMonth() throws IOException {
        LocalDate month = LocalDate.now().minusMonths(1);
        List<Patient> vaccinated = patients.findVaccinatedIn(month.getYear(), month.getMonthValue());

        Path out = Paths.get("/var/exports/registry", "immunisations-" + month.format(MONTH) + ".csv");
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("mrn,family_name,given_name,birth_date,vaccine_code,given_on");
            writer.newLine();
            for (Patient patient : vaccinated) {
                writer.write(String.join(",",
                        patient.getMrn(),
                        patient.getFamilyName(),
                        patient.getGivenName(),
                        patient.getBirthDate().toString(),
                        patient.getLastVaccineCode(),
                        patient.getLastVaccinatedOn().toString()));
                writer.newLine();
            }
        }
        log.info("registry export written: {} patients, month {}", vaccinated.size(), month.format(MONTH));
    }

    public void exportLastMonthSealed() throws IOException {
        LocalDate month = LocalDate.now().minusMonths(1);
        List<Patient> vaccinated = patients.findVaccinatedIn(month.getYear(), month.getMonthValue());
        Cipher cipher = ciphers.forNewExport();
        Path out = Paths.get("/var/exports/registry", "immunisations-" + month.format(MONTH) + ".csv.enc");
        try (OutputStream sealed = new CipherOutputStream(Files.newOutputStream(out), cipher)) {
            for (Patient patient : vaccinated) {
                String line = String.join(",", patient.getMrn(), patient.getFamilyName(), patient.getBirthDate().toString()) + "\n";
                sealed.write(line.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    public void writeManifest(Path dir, int rows) throws IOException {
        Files.writeString(dir.resolve("MANIFEST"), "rows=" + rows + "\nformat=csv\n");
    }
}
