package org.riverside.ehr;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EnrolmentServiceTest {
    private static final Logger log = LoggerFactory.getLogger(EnrolmentServiceTest.class);

    @Test
    void mergesNames() {
        Patient patient = TestPatients.withTwoNames();
        // a test logging its own invented patient: listed at info
        log.debug("merging " + patient);
    }
}
