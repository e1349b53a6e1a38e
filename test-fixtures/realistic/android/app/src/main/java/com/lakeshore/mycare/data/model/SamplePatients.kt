package com.lakeshore.mycare.data.model

import java.time.LocalDate

/**
 * Shown on the onboarding carousel and used as the placeholder chart before the first sync.
 */
object SamplePatients {

    val onboarding = Patient(
        id = "onboarding",
        displayName = "Gwendolyn Hartley",
        birthDate = LocalDate.of(1958, 9, 3),
        nhsNumber = "543 231 9489",
        mrn = "LSC-0031187",
        primaryDiagnosis = "Chronic obstructive pulmonary disease",
    )

    val placeholder = Patient(
        id = "placeholder",
        displayName = "Test Patient",
        birthDate = LocalDate.of(1970, 1, 1),
        nhsNumber = "999 999 9999",
        mrn = "",
        primaryDiagnosis = "",
    )
}
