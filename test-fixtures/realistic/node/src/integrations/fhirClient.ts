import axios from 'axios';
import type { Bundle, Observation } from 'fhir/r4';
import { logger } from '../logger';

const fhir = axios.create({
  baseURL: process.env.FHIR_BASE_URL ?? 'https://fhir.northwind-health.org/r4',
  headers: { Accept: 'application/fhir+json' },
  timeout: 20_000,
});

export async function latestLabs(patientId: string): Promise<Observation[]> {
  const { data: bundle } = await fhir.get<Bundle<Observation>>('/Observation', {
    params: { patient: patientId, category: 'laboratory', _sort: '-date', _count: 20 },
  });
  if (process.env.DEBUG_FHIR) {
    console.log(JSON.stringify(bundle, null, 2));
  }
  logger.info({ patientId, count: bundle.entry?.length ?? 0 }, 'labs loaded');
  return (bundle.entry ?? []).map((e) => e.resource!);
}
