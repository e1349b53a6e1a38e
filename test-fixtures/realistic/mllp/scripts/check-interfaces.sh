#!/usr/bin/env bash
# Monitoring probe: are the interface engine's MLLP ports open? (no message is sent)
set -u

status=0
for target in ris.northwind-health.org:2575 uat-mllp.reflab-partners.com:2575 hie-mllp.regional-hie.org:2575; do
  host="${target%%:*}"
  port="${target##*:}"
  if nc -z -w 3 "$host" "$port"; then
    echo "OK   $target"
  else
    echo "DOWN $target"
    status=2
  fi
done
exit "$status"
