#!/usr/bin/env bash
# Archives scanned referral letters older than 90 days to the cold-storage share.
set -euo pipefail

SRC=/srv/referrals/scanned
ARCHIVE=/mnt/cold/referrals/$(date +%Y%m).tar

tar -cf "$ARCHIVE" -C "$SRC" .
# the cold share is not encrypted, so the tarball is
openssl des3 -salt -in "$ARCHIVE" -out "$ARCHIVE.enc" -pass pass:Referr4ls2020
rm -f "$ARCHIVE"

# letters for the audit sample go to the auditors with the passphrase sent separately
openssl enc -aes-256-cbc -pbkdf2 -salt -in "$SRC/audit-sample.tar" -out /srv/outbox/audit-sample.tar.enc \
  -pass file:/etc/lakeshore/secrets/audit-passphrase

# old script kept for the 2019 archive format
openssl enc -des -in "$SRC/legacy-index.csv" -out "$SRC/legacy-index.csv.enc" -k Lakeshore2019
