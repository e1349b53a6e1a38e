package org.oakvale.ehr.legacy;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.oakvale.ehr.domain.Referral;

/** Imports referrals from the old practice system (java.util.logging, as in the rest of that module). */
public class ReferralImporter {

    private static final Logger LOGGER = Logger.getLogger(ReferralImporter.class.getName());

    public void importOne(Referral referral) {
        if (referral.getPatient() == null) {
            LOGGER.warning("referral without patient: " + referral.getId());
            return;
        }
        LOGGER.log(Level.FINE, "importing referral {0} for {1}", new Object[] {referral.getId(), referral.getPatient()});
        LOGGER.info("imported referral " + referral.getId());
    }
}
