import type { Bundle, Observation, Patient } from 'fhir/r4';
import { http } from '../api/http';
import { clinicDb } from './clinicDb';

/** Downloads the caseload of a community nurse before a day of home visits. */
export async function syncCaseload(practitionerId: string): Promise<number> {
  const { data: caseload } = await http.get<Bundle<Patient>>('/fhir/Patient', {
    params: { 'general-practitioner': `Practitioner/${practitionerId}`, _count: 200 },
  });
  const people = (caseload.entry ?? []).map((e) => e.resource!);
  await clinicDb.patients.bulkPut(people);

  const { data: vitals } = await http.get<Bundle<Observation>>('/fhir/Observation', {
    params: { category: 'vital-signs', 'subject:Patient.general-practitioner': practitionerId, _count: 1000 },
  });
  for (const entry of vitals.entry ?? []) {
    await clinicDb.observations.put(entry.resource!);
  }

  await clinicDb.prefs.put({ key: 'lastSync', value: new Date().toISOString() });
  return people.length;
}

export async function startVisit(patientId: string): Promise<number> {
  return clinicDb.visits.add({ patientId, startedAt: new Date().toISOString() });
}
