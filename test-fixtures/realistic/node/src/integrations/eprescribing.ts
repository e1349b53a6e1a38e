import axios from 'axios';
import type { MedicationRequest } from 'fhir/r4';

// Sandbox of the national e-prescription service; production uses the https endpoint from the vault.
const SANDBOX = 'http://sandbox.eps-gateway.nhs-digital.example/fhir';

export const eps = axios.create({ baseURL: process.env.EPS_BASE_URL ?? SANDBOX, timeout: 10_000 });

export async function send(prescription: MedicationRequest): Promise<string> {
  const { data } = await eps.post<{ id: string }>('/MedicationRequest', prescription);
  return data.id;
}
