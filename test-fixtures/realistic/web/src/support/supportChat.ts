import type { Patient } from 'fhir/r4';
import { formatName } from '../util/names';

declare global {
  interface Window {
    Intercom?: (command: string, settings?: Record<string, unknown>) => void;
  }
}

const APP_ID = import.meta.env.VITE_INTERCOM_APP_ID;

/** The help widget of the patient portal. Support asked to see who is writing without asking them. */
export function bootSupportChat(accountId: string, patient: Patient): void {
  window.Intercom?.('boot', {
    app_id: APP_ID,
    user_id: accountId,
    name: formatName(patient.name?.[0]),
    email: patient.telecom?.find((t) => t.system === 'email')?.value,
  });
}

/** The staff console uses the same widget with the staff account only. */
export function bootStaffChat(staffId: string): void {
  window.Intercom?.('boot', { app_id: APP_ID, user_id: staffId });
}
