/** The named detectors rules can use, without loading them (the rule loader runs where analysis does not). */
export const DETECTOR_NAMES = [
  'cleartext-url', 'plain-http-server', 'fhir-person-resource', 'hl7v2-patient-segments', 'cda-record-target',
  'dicom-patient-attributes', 'notebook-patient-output', 'person-record', 'national-identifier', 'tabular-records', 'health-data-flow', 'terraform-storage', 'compose-exposed-database',
  'kubernetes-plaintext-password', 'xml-attribute', 'plist-value', 'pgbouncer-tls',
  'mllp-plain-socket', 'mirth-connector',
] as const;
