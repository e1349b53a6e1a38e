import { AnalyticsBrowser } from '@segment/analytics-next';
import type { Patient } from 'fhir/r4';

export const analytics = AnalyticsBrowser.load({ writeKey: import.meta.env.VITE_SEGMENT_KEY });

/** Portal sign-in: marketing wants to segment reminder emails by age band. */
export function identifyPortalUser(accountId: string, patient: Patient): void {
  analytics.identify(accountId, {
    email: patient.telecom?.find((t) => t.system === 'email')?.value,
    birthday: patient.birthDate,
    postcode: patient.address?.[0]?.postalCode,
  });
}

export function trackPortalSignIn(accountId: string): void {
  analytics.track('Signed In', { accountId, channel: 'web' });
}
