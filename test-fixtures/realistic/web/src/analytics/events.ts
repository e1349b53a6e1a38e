import posthog from 'posthog-js';
import type { Observation } from 'fhir/r4';

/** Product analytics: which screens clinicians use and how long results take to open. */

export function trackResultOpened(result: Observation, openedInMs: number): void {
  posthog.capture('result_opened', {
    loinc: result.code.coding?.[0]?.code,
    value: result.valueQuantity?.value,
    unit: result.valueQuantity?.unit,
    interpretation: result.interpretation?.[0]?.coding?.[0]?.code,
    openedInMs,
  });
}

export function trackScreen(route: string): void {
  // route params (ids) are replaced before anything leaves the browser
  posthog.capture('$pageview', { route: route.replace(/\/(Patient|Encounter)\/[^/]+/g, '/$1/:id') });
}

export function trackSearch(resultCount: number, tookMs: number): void {
  posthog.capture('patient_search', { resultCount, tookMs });
}
