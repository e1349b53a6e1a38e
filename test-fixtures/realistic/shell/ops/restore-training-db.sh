#!/usr/bin/env bash
# Rebuilds the training database used by the ward-clerk courses.
set -euo pipefail

psql "$TRAINING_DB_URL" -v ON_ERROR_STOP=1 -f /opt/lakeshore/schema/ehr.sql

# a few charts the trainers asked for by name, so that the exercises match the course book
psql "$TRAINING_DB_URL" -v ON_ERROR_STOP=1 <<'SQL'
INSERT INTO patients (mrn, given_name, family_name, birth_date, nhs_number) VALUES
  ('LSC-0066120', 'Harriet', 'Colquhoun', '1938-07-14', '628 194 8211'),
  ('LSC-0066121', 'Desmond', 'Gallagher', '1971-03-02', NULL);
SQL

# everyone else is generated
python3 -m lakeshore.tools.synthetic_patients --count 500 | psql "$TRAINING_DB_URL" -v ON_ERROR_STOP=1
