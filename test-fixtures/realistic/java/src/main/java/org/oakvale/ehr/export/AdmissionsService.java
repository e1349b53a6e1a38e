package org.oakvale.ehr.export;

import org.oakvale.ehr.domain.Admission;
import org.oakvale.ehr.domain.Patient;
import org.oakvale.ehr.domain.PatientRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AdmissionsService {

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionsService.class);

    private final PatientRepository patients;

    public AdmissionsService(PatientRepository patients) {
        this.patients = patients;
    }

    @Transactional
    public Admission admit(long patientId, String ward, String reason) {
        Patient patient = patients.findById(patientId).orElseThrow();
        LOG.debug("admitting {} to {} for {}", patient, ward, reason);
        Admission admission = new Admission(patient, ward, reason);
        patient.getAdmissions().add(admission);
        LOG.info("admitted patient {} to ward {}", patient.getId(), ward);
        return admission;
    }

    public void transfer(Admission admission, String toWard) {
        if (toWard.equals(admission.getWard())) {
            LOG.warn("transfer to the same ward for {}, diagnosis {}", admission.getPatient().getFullName(), admission.getDiagnosis());
            return;
        }
        admission.setWard(toWard);
    }
}
