"""De-identifies a study before it leaves the radiology network (DICOM PS3.15 basic profile)."""
from pathlib import Path

import pydicom
from pydicom.dataset import Dataset


def anonymize(ds: Dataset, pseudonym: str) -> Dataset:
    ds.PatientName = "ANONYMOUS^" + pseudonym
    ds.PatientID = pseudonym
    ds.PatientBirthDate = ""
    ds.remove_private_tags()
    return ds


def make_fixture(patient) -> Dataset:
    ds = Dataset()
    ds.PatientName = patient.name
    ds.PatientID = patient.mrn
    ds.PatientBirthDate = patient.birth_date.strftime("%Y%m%d")
    return ds


def reproduce_ticket_1902() -> Dataset:
    # insecure: the header of a real study, copied to reproduce a viewer crash
    ds = pydicom.dcmread(Path("ticket-1902/IM0001.dcm"))
    ds.PatientName = "Ferrara^Giulia"
    ds.PatientID = "NWH-0071154"
    ds.PatientBirthDate = "19930730"
    return ds


if __name__ == "__main__":
    for path in Path("incoming").glob("*.dcm"):
        anonymize(pydicom.dcmread(path), pseudonym=path.stem).save_as(Path("outgoing") / path.name)
