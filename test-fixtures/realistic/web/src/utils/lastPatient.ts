import type { Patient } from 'fhir/r4';
import { redactPatient } from './redact';

/** The "continue where you left off" banner shows initials and the year of birth only. */
export function rememberLastPatient(patient: Patient): void {
  localStorage.setItem('np:lastPatient', JSON.stringify(redactPatient(patient)));
  localStorage.setItem('np:lastPatientId', patient.id ?? '');
}

export function searchColumns(columns: string[]): void {
  localStorage.setItem('np:patientSearch.columns', JSON.stringify(columns));
}
