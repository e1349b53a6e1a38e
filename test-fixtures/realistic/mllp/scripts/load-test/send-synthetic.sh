#!/usr/bin/env bash
# Load test of the UAT engine on this VM with generated messages (synthetic/ holds ZZTEST patients only).
set -euo pipefail
for msg in synthetic/*.hl7; do
  printf '\x0b%s\x1c\r' "$(tr '\n' '\r' < "$msg")" | nc -q 1 localhost 2575 >/dev/null &
done
wait
