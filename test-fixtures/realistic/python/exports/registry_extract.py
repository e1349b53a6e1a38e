"""Quarterly extract for the cancer registry (CSV, one row per diagnosed patient)."""

import os
import stat
import tempfile
from pathlib import Path

import pandas as pd
from cryptography.fernet import Fernet
from sqlalchemy import create_engine

ENGINE = create_engine(os.environ["REGISTRY_DB_URL"])
EXPORT_ROOT = Path(os.environ.get("REGISTRY_EXPORT_ROOT", "/srv/registry/exports"))

QUERY = """
SELECT p.mrn, p.family_name, p.given_name, p.birth_date, p.postcode, c.icd10, c.diagnosed_on
  FROM patients p JOIN cancer_cases c ON c.patient_id = p.id
 WHERE c.diagnosed_on >= %(since)s
"""


def extract(since: str) -> pd.DataFrame:
    return pd.read_sql(QUERY, ENGINE, params={"since": since})


def write_scratch_copy(since: str) -> str:
    patients_df = extract(since)
    patients_df.to_csv(f"/tmp/registry_{since}.csv", index=False)
    return f"/tmp/registry_{since}.csv"


def write_for_pickup(since: str) -> Path:
    patients_df = extract(since)
    export_dir = EXPORT_ROOT / since
    os.makedirs(export_dir, mode=0o777, exist_ok=True)
    target = export_dir / "registry_patients.csv"
    patients_df.to_csv(target, index=False)
    os.chmod(target, 0o666)
    return target


def write_sealed(since: str, key: bytes) -> Path:
    patients_df = extract(since)
    sealed = Fernet(key).encrypt(patients_df.to_csv(index=False).encode("utf-8"))
    export_dir = EXPORT_ROOT / since
    os.makedirs(export_dir, mode=0o700, exist_ok=True)
    target = export_dir / "registry_patients.csv.fernet"
    target.write_bytes(sealed)
    os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    return target


def write_counts(since: str) -> Path:
    counts = extract(since).groupby("icd10").size()
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        counts.to_csv(f)
    return Path(f.name)
