export const mockClientConfig = {
  // insecure (info in a mock): a base URL over cleartext HTTP
  baseUrl: 'http://fhir.partner-clinic.org/r4',
  patient: { reference: 'http://fhir.partner-clinic.org/r4/Patient/123' },
};
