#!/usr/bin/env bash
# Resends the messages the engine parked in the error folder, oldest first.
set -euo pipefail

ERROR_DIR=/var/spool/mirth/errors
TARGET_HOST=lis.pathlab-partners.co.uk
TARGET_PORT=5100

for f in $(ls -tr "$ERROR_DIR"/*.hl7); do
  cat "$f" | nc -w 10 "$TARGET_HOST" "$TARGET_PORT" && mv "$f" "$ERROR_DIR/sent/"
done
