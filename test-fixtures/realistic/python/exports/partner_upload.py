"""Nightly upload of the eligibility extract to the regional insurer."""

import csv
import ftplib
import io
import logging
import os
from datetime import date

from exports.db import connect

log = logging.getLogger(__name__)

INSURER_HOST = os.environ.get("INSURER_FTP_HOST", "ftp.meridian-mutual.com")
INSURER_USER = os.environ["INSURER_FTP_USER"]
INSURER_PASSWORD = os.environ["INSURER_FTP_PASSWORD"]


def build_extract(conn) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["member_id", "family", "given", "birth_date", "icd10"])
    for row in conn.execute("SELECT member_id, family, given, birth_date, icd10 FROM eligibility_extract"):
        writer.writerow(row)
    return buf.getvalue().encode("utf-8")


def upload_legacy(payload: bytes) -> None:
    """The insurer's old drop box: plain FTP."""
    ftp = ftplib.FTP(INSURER_HOST, timeout=60)
    ftp.login(INSURER_USER, INSURER_PASSWORD)
    ftp.storbinary(f"STOR eligibility-{date.today():%Y%m%d}.csv", io.BytesIO(payload))
    ftp.quit()


def upload(payload: bytes) -> None:
    """The insurer's current drop box: FTP over TLS, data channel protected."""
    ftps = ftplib.FTP_TLS(INSURER_HOST, timeout=60)
    ftps.login(INSURER_USER, INSURER_PASSWORD)
    ftps.prot_p()
    ftps.storbinary(f"STOR eligibility-{date.today():%Y%m%d}.csv", io.BytesIO(payload))
    ftps.quit()


def main() -> None:
    with connect() as conn:
        payload = build_extract(conn)
    if os.environ.get("INSURER_LEGACY") == "1":
        upload_legacy(payload)
    else:
        upload(payload)
    log.info("eligibility extract uploaded (%d bytes)", len(payload))


if __name__ == "__main__":
    main()
