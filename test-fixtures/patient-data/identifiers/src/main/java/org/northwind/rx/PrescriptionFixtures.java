package org.northwind.rx;

/** Fixtures for the e-prescribing tests. */
final class PrescriptionFixtures {
    static final Prescriber DR_OKOYE = new Prescriber("Imani Okoye", /* npi */ "1192875759", /* dea */ "BJ0666389");

    static final Patient PATIENT = Patient.builder()
        .name("Emma Schneider")
        .kvnr("T357853569")
        .build();

    static final String VERSION = "2.14.1";
    static final long BUILD_TIMESTAMP = 1712345678123L;

    private PrescriptionFixtures() {}
}
