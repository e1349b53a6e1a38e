#!/usr/bin/env bash
# Replays the ADT messages of one day to the RIS after an outage.
# usage: replay-adt.sh 2024-05-02
set -euo pipefail

DAY="${1:?usage: replay-adt.sh YYYY-MM-DD}"
RIS_HOST="${RIS_HOST:-ris.northwind-health.org}"
RIS_PORT="${RIS_PORT:-2575}"
ARCHIVE="/srv/hl7/archive/adt/${DAY}"

shopt -s nullglob
for msg in "${ARCHIVE}"/*.hl7; do
  echo "replaying $(basename "$msg")"
  printf '\x0b%s\x1c\r' "$(tr '\n' '\r' < "$msg")" | nc -w 5 "$RIS_HOST" "$RIS_PORT" > /dev/null
  sleep 0.2
done
