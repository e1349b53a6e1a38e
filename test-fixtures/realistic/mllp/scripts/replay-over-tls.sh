#!/usr/bin/env bash
# Same replay as replay-adt.sh, for the HIE, which only accepts MLLP over TLS with our client certificate.
set -euo pipefail

DAY="${1:?usage: replay-over-tls.sh YYYY-MM-DD}"
for msg in "/srv/hl7/archive/adt/${DAY}"/*.hl7; do
  printf '\x0b%s\x1c\r' "$(tr '\n' '\r' < "$msg")" \
    | socat -t 5 - "OPENSSL:hie-mllp.regional-hie.org:2575,cafile=/etc/hl7/hie-ca.pem,cert=/etc/hl7/client.pem,key=/etc/hl7/client-key.pem"
done

# local engine for the dry run (same host)
printf '\x0b%s\x1c\r' "$(tr '\n' '\r' < "/srv/hl7/archive/adt/${DAY}/first.hl7")" | nc -w 5 127.0.0.1 6661
