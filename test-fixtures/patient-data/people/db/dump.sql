-- pg_dump of ehr_staging, 2024-03-02 (attached to ticket EHR-2291)
CREATE TABLE patients (id serial PRIMARY KEY, first_name text, last_name text, dob date, ssn text, email text);

INSERT INTO patients (id, first_name, last_name, dob, ssn, email) VALUES
  (1, 'Lucía', 'Navarro', '1988-09-21', '523-71-4408', 'lucia.navarro@gmail.com'),
  (2, 'Hugo', 'Sánchez', '1957-01-30', '618-40-2297', NULL),
  (3, 'Elsa', 'Berg', '1966-04-08', NULL, 'elsa.berg@outlook.com');

INSERT INTO products (id, name, created) VALUES (1, 'Alessandro Conti Wheelchair', '1984-03-12');

INSERT INTO users (id, email) VALUES (1, 'ops@northwind-health.com'), (2, 'it@northwind-health.com');

INSERT INTO patients (id, first_name, last_name, dob, ssn, email) VALUES
  (99, 'Jane', 'Doe', '1970-01-01', '078-05-1120', 'jane.doe@example.com');

COPY public.patients_archive (id, given, family, birth_date, bsn) FROM stdin;
7	Daan	Visser	1975-02-14	182736453
8	Fenna	Smit	1992-10-30	293847563
\.
