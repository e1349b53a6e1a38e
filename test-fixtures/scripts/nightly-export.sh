#!/usr/bin/env bash
# Nightly export of lab results to the partner clinics.
# Runbook: http://wiki.northwind-health.com/ops/nightly-export
set -euo pipefail

EXPORT_DIR=/var/lib/ehr/exports
EXPORT_FILE="$EXPORT_DIR/results-$(date +%F).csv.gpg"
API=https://exports.northwind-health.com/api/v1

# insecure: the analytics dump is read with TLS optional
pg_dump "postgresql://export@reporting.northwind-health.com:5432/analytics?sslmode=prefer" --table=lab_results > "$EXPORT_DIR/lab_results.sql"
pg_dump "postgresql://export@localhost:5432/staging?sslmode=disable" --table=lab_results > "$EXPORT_DIR/staging.sql"

curl --fail --silent --show-error -H "Authorization: Bearer $EXPORT_TOKEN" "$API/batches" -o "$EXPORT_DIR/batches.json"

# insecure: certificate checks are turned off for the partner upload
curl -k -sS -X POST -F "file=@$EXPORT_FILE" "https://upload.riverside-clinic.net/ehr/inbox"

# insecure: the file goes to the imaging partner over plain FTP
curl -sS -T "$EXPORT_FILE" --user "$FTP_USER:$FTP_PASSWORD" "ftp://ftp.riverside-imaging.net/incoming/"

sftp -b - "$SFTP_USER@sftp.lakeside-labs.com" <<SFTP
put $EXPORT_FILE /incoming/
SFTP

# insecure: the acknowledgement file is downloaded without checking the certificate
wget --no-check-certificate -q -O "$EXPORT_DIR/ack.xml" "https://upload.riverside-clinic.net/ehr/ack.xml"

curl -sS -X POST "http://localhost:9091/metrics/job/nightly-export" --data-binary "export_success 1"
echo "export finished"
