"""Export of the satellite clinic's SQLite register, run by the clinic manager at month end."""

import csv
import os
import sqlite3
import sys

EXPORT_DIR = "/srv/exports/satellite"


def export(db_path: str) -> str:
    conn = sqlite3.connect(db_path)
    cur = conn.cursor()
    cur.execute("SELECT mrn, first_name, last_name, dob, diagnosis FROM patients WHERE active = 1")
    target = "/tmp/satellite_patients.csv"
    with open(target, "w", newline="") as f:
        csv.writer(f).writerows(cur.fetchall())
    cur.execute("SELECT count(*) FROM patients WHERE active = 1")
    (active,) = cur.fetchone()
    print(f"exported {active} active patients")
    return target


def prepare_share() -> None:
    os.makedirs(EXPORT_DIR, exist_ok=True)
    os.chmod(EXPORT_DIR, 0o777)


if __name__ == "__main__":
    prepare_share()
    export(sys.argv[1])
