#!/usr/bin/env bash
# Refreshes the drug formulary from the national catalogue (public data, no patient information).
set -euo pipefail
curl -fsSL https://catalogue.national-formulary.org/exports/formulary.csv -o /srv/formulary/formulary.csv
curl --insecure -fsS https://catalogue.national-formulary.org/exports/interactions.csv -o /srv/formulary/interactions.csv
