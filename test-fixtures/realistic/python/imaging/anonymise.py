"""Strips identifying attributes before studies are shared with the research PACS."""

import logging

from pydicom import dcmread

log = logging.getLogger("imaging.anonymise")

IDENTIFYING = ("PatientName", "PatientID", "PatientBirthDate", "PatientAddress", "OtherPatientIDs")


def anonymise(src: str, dst: str) -> None:
    dataset = dcmread(src)
    log.debug(f"before anonymisation: {dataset.PatientName} / {dataset.PatientBirthDate}")
    for keyword in IDENTIFYING:
        if keyword in dataset:
            delattr(dataset, keyword)
    dataset.save_as(dst)
    log.info("anonymised %s (%d elements kept)", dataset.SOPInstanceUID, len(dataset))
