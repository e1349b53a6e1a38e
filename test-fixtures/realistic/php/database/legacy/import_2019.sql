-- One-off import of the paper register of the Eastgate satellite clinic (ticket OPS-1182).
-- Kept so that the migration history can be replayed on a fresh database.
INSERT INTO patients (mrn, given_name, family_name, birth_date, ssn, phone) VALUES
  ('EGC-000412', 'Lorraine', 'Bickford', '1952-09-30', '547-19-3384', '(414) 555-2093'),
  ('EGC-000413', 'Walter', 'Prendergast', '1948-02-17', NULL, NULL);

UPDATE clinics SET legacy_import_done = TRUE WHERE code = 'EGC';
