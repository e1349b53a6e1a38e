import { Preferences } from '@capacitor/preferences';
import type { Patient } from 'fhir/r4';
import { http } from '../api/http';

/** The Ionic app for community nurses keeps the charts of the day's visits for areas without coverage. */
export async function downloadForVisit(patientId: string): Promise<void> {
  const { data: chart } = await http.get<Patient>(`/fhir/Patient/${patientId}/$everything`);
  await Preferences.set({ key: `chart:${patientId}`, value: JSON.stringify(chart) });
}

export async function markOnboarded(): Promise<void> {
  await Preferences.set({ key: 'onboarded', value: 'true' });
}
