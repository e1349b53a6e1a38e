import axios from 'axios';
import type { DiagnosticReport } from 'fhir/r4';

// The pathology lab's result gateway. TLS terminates at the lab's proxy, which is not reachable from the
// clinic's network, so the gateway is called directly.
const lab = axios.create({
  baseURL: 'http://results.pathlab-partners.co.uk:8080/api/v2',
  auth: { username: process.env.LAB_USER ?? '', password: process.env.LAB_PASSWORD ?? '' },
});

export async function reportsFor(mrn: string): Promise<DiagnosticReport[]> {
  const { data } = await lab.get<DiagnosticReport[]>('/reports', { params: { mrn } });
  return data;
}
