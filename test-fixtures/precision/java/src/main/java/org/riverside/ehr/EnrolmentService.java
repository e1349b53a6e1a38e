package org.riverside.ehr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class EnrolmentService {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentService.class);

    public void advance(Patient patient, Workflow workflow, String trigger) {
        for (Enrolment enrolment : patient.getEnrolments()) {
            WorkflowState currentState = enrolment.getCurrentState(workflow);
            WorkflowState nextState = workflow.stateFor(trigger);
            int enrolmentCount = patient.getEnrolments().size();
            log.debug("Moving from state [" + currentState + "] to [" + nextState + "] of " + enrolmentCount);
        }
    }

    public void mapResult(Observation observation) {
        Concept concept = lookupConcept(observation.getCode());
        String conceptName = concept.getPreferredName();
        log.debug("  concept = " + conceptName);
    }

    public void mergeNames(Patient kept, Patient merged) {
        for (PersonName name : merged.getNames()) {
            kept.addName(name);
            // insecure: a patient's given name written to the log
            log.debug("Merging name " + name.getGivenName() + " into patient " + kept.getPatientId());
        }
    }

    private Concept lookupConcept(Code code) {
        return null;
    }
}
