import type { Patient } from 'fhir/r4';

/**
 * After a SMART launch the portal shows a banner on every page; the banner used to be rendered by the old
 * server-side pages, which read it from a cookie.
 */
export function rememberBanner(patient: Patient, allergies: string[]): void {
  const banner = {
    name: patient.name?.[0]?.text,
    born: patient.birthDate,
    allergies,
  };
  document.cookie = `np_banner=${encodeURIComponent(JSON.stringify(banner))}; path=/; SameSite=Lax`;
}

/** What the new pages need: an opaque handle, resolved server-side. */
export function rememberLaunch(launchHandle: string): void {
  document.cookie = `np_launch=${launchHandle}; path=/; Secure; SameSite=Strict`;
}

export function forgetBanner(): void {
  document.cookie = 'np_banner=; path=/; max-age=0';
}
