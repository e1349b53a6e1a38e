package org.oakvale.ehr.demo;

import java.time.LocalDate;
import java.util.List;

import org.oakvale.ehr.domain.Patient;

/** Patients shown when the kiosk runs in demo mode (trade shows, training rooms). */
public final class DemoModeData {

    private DemoModeData() {
    }

    public static List<Patient> patients() {
        return List.of(
                Patient.builder()
                        .mrn("OAK-0184420")
                        .givenName("Theodora")
                        .familyName("Vasquez")
                        .birthDate(LocalDate.of(1962, 4, 17))
                        .phone("(608) 274-9183")
                        .build(),
                Patient.builder()
                        .mrn("DEMO-0000001")
                        .givenName("Jane")
                        .familyName("Doe")
                        .birthDate(LocalDate.of(1970, 1, 1))
                        .build());
    }
}
