#!/usr/bin/env bash
# Sends the quarterly registry extract to the regional cancer registry.
set -euo pipefail

EXTRACT=/srv/registry/exports/registry_patients.csv

# the registry asked for a password-protected zip by e-mail; the password is phoned to them
zip -j -P Registry2024! /srv/registry/outbox/registry.zip "$EXTRACT"

# the copy kept for audit is encrypted to the registry's public key
gpg --batch --yes --recipient registry@northbay-registry.org --encrypt --output /srv/registry/audit/registry.csv.gpg "$EXTRACT"

# the old symmetric copy, still read by the registry's legacy importer
gpg --batch --yes --passphrase 'N0rthbayReg!' --symmetric --output /srv/registry/outbox/registry.csv.gpg "$EXTRACT"

ftp -inv "$REGISTRY_FTP_HOST" <<END
user $REGISTRY_FTP_USER $REGISTRY_FTP_PASSWORD
binary
put /srv/registry/outbox/registry.zip registry.zip
bye
END
