// Endpoints the ward dashboard talks to. Values come from the build environment; the defaults are the
// production hosts.

export const FHIR_BASE_URL = import.meta.env.VITE_FHIR_BASE ?? 'https://fhir.northwind-health.org/r4';

/** Bedside monitors push heart rate, SpO2 and blood pressure for the ward over this socket. */
export const VITALS_STREAM_URL = import.meta.env.VITE_VITALS_STREAM ?? 'ws://vitals-gw.ward3.northwind-health.org:8080/stream';

/** Terminology lookups (SNOMED CT / LOINC display names) for the result viewer. */
export const TERMINOLOGY_URL = 'https://terminology.northwind-health.org/fhir';

/** The mock server of `npm run dev:mock`. */
export const MOCK_FHIR_URL = 'http://localhost:8090/fhir';

export const CODE_SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
};
