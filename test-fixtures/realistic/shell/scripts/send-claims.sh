#!/usr/bin/env bash
# Sends the day's claims file to the clearing house.
set -euo pipefail

DAY="${1:-$(date -d yesterday +%Y%m%d)}"
EXPORT_DIR=/var/exports/claims
FILE="$EXPORT_DIR/claims-$DAY.csv"

if [[ ! -s "$FILE" ]]; then
  echo "no claims file for $DAY" >&2
  exit 1
fi

# Clearwater still runs their legacy FTP drop for us; the SFTP account is pending.
lftp -u "$CLEARWATER_USER,$CLEARWATER_PASSWORD" ftp://drop.clearwater-claims.com <<EOF
cd inbound
put $FILE
bye
EOF

# Meridian: SFTP with a key
sftp -b - -i /etc/lakeshore/keys/meridian_ed25519 lakeshore@sftp.meridian-mutual.com <<EOF
cd inbound
put $FILE
EOF

echo "claims $DAY sent"
