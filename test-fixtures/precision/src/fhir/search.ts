import { fhirClient } from './client';

const LOINC = 'http://loinc.org';

/** Token search: `system|code`, the system being a URI that names the code system. */
export function glucoseQuery(patientId: string): string {
  return `Observation?subject=Patient/${patientId}&code=http://loinc.org|2339-0&_sort=-date`;
}

export function codingFor(code: string) {
  return { system: LOINC, code };
}

export async function partnerLabResults(patientId: string) {
  // insecure: lab results fetched over cleartext HTTP
  const res = await fetch(`http://labs.northgate-partner.com/fhir/Observation?subject=${patientId}`);
  return res.json();
}

export async function localResults(patientId: string) {
  return fhirClient.request(`Observation?subject=${patientId}`);
}
