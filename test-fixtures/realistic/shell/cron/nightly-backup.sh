#!/usr/bin/env bash
# Nightly logical backup of the EHR database, kept for 14 days.
set -euo pipefail

STAMP=$(date +%Y%m%d)
export PGHOST=ehr-primary.db.lakeshore-care.net PGUSER=backup PGDATABASE=ehr

# quick copy for the reporting team before the real backup starts
pg_dump --no-owner --table=patients --table=encounters > /tmp/ehr-reporting-$STAMP.sql

# the backup itself: encrypted to the backup key, never written in clear
umask 077
pg_dump --format=custom --no-owner | gpg --batch --encrypt --recipient backup@lakeshore-care.net \
  > /var/backups/ehr/ehr-$STAMP.dump.gpg

# schema only, for the docs site
pg_dump --schema-only --no-owner > /var/backups/ehr/schema-$STAMP.sql

mysqldump --single-transaction -h billing-db.lakeshore-care.net -u backup billing > /tmp/billing-$STAMP.sql
gzip /tmp/billing-$STAMP.sql

find /var/backups/ehr -name 'ehr-*.dump.gpg' -mtime +14 -delete
