"""Replays a day of triage decisions against the new scoring model."""

import json
import logging
import sys

from portal.records.models import Encounter

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("triage-replay")


def replay(day: str) -> None:
    for encounter in Encounter.objects.filter(arrived_on=day).select_related("patient"):
        score = rescore(encounter)
        if score != encounter.triage_score:
            log.info("encounter %s: triage score changed", encounter.pk)
            log.info("patient %s, symptoms %s", encounter.patient, encounter.symptoms)


def rescore(encounter) -> int:
    return min(5, len(encounter.symptoms or []))


if __name__ == "__main__":
    replay(sys.argv[1])
    print(json.dumps({"replayed": sys.argv[1]}))
