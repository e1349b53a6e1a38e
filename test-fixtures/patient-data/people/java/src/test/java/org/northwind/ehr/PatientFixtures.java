package org.northwind.ehr;

import java.time.LocalDate;

final class PatientFixtures {
    static final Patient READMISSION = new Patient("Jonas", "Becker", LocalDate.of(1968, 5, 30));

    static final Patient BUILT = Patient.builder()
        .firstName("Mila")
        .lastName("Wagner")
        .birthDate(LocalDate.of(1972, 11, 3))
        .build();

    static final Patient PLACEHOLDER = new Patient("Max", "Mustermann", LocalDate.of(1980, 1, 1));

    static final Patient FROM_FAKER = new Patient(faker.name().firstName(), faker.name().lastName(), LocalDate.of(1990, 1, 1));

    static final Doctor ONCALL = new Doctor("Hugo", "Navarro");
}
