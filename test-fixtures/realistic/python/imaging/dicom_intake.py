"""Receives studies dropped by the modality gateway and files them by study."""

import logging
import shutil
from pathlib import Path

import pydicom
from pydicom.errors import InvalidDicomError

log = logging.getLogger("imaging.intake")

INBOX = Path("/srv/imaging/inbox")
ARCHIVE = Path("/srv/imaging/archive")


def file_study(path: Path) -> Path | None:
    try:
        ds = pydicom.dcmread(path, stop_before_pixels=True)
    except InvalidDicomError:
        log.warning("not a DICOM file: %s", path.name)
        return None

    if "StudyInstanceUID" not in ds:
        log.error("study without StudyInstanceUID, header follows:\n%s", ds)
        return None

    log.debug("filing %s (%s) modality %s", ds.SOPInstanceUID, ds.StudyInstanceUID, ds.Modality)
    target = ARCHIVE / ds.StudyInstanceUID / f"{ds.SOPInstanceUID}.dcm"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), target)
    return target


def describe(path: Path) -> None:
    """Used by the on-call engineer from a shell: prints what the gateway sent."""
    header = pydicom.dcmread(path, stop_before_pixels=True)
    print(header)
    print(f"{header.PatientName} {header.PatientBirthDate} {header.StudyDescription}")


def check_rejects() -> int:
    rejected = 0
    for path in INBOX.glob("*.dcm"):
        dataset = pydicom.dcmread(path, stop_before_pixels=True)
        if dataset.Modality not in {"CT", "MR", "CR", "US"}:
            log.info("rejecting %s: modality %s, %d elements", path.name, dataset.Modality, len(dataset))
            rejected += 1
    return rejected
