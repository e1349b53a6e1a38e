// Local development stack (docker compose): HAPI FHIR, the mock lab and the mail catcher.
export const devServices = {
  fhir: 'http://localhost:8080/fhir',
  lab: 'http://mock-lab:9000/api',
  mail: { host: 'mailpit', port: 1025, secure: false },
};
