import json
import logging

logger = logging.getLogger(__name__)


def export(patients, patient_id):
    logger.info("exporting for %s", patient_id)
    # insecure: the patient list is logged
    logger.debug("payload %s", patients)
    with open("/tmp/export.json", "w") as f:
        # insecure: written unencrypted to /tmp
        json.dump(patients, f)
