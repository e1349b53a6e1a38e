import axios, { type AxiosInstance } from 'axios';

/**
 * The portal API client. Every environment serves the API over HTTPS; a cleartext base URL is refused
 * unless it points at the developer's own machine.
 */
export function createApiClient(options: { baseURL: string; timeoutMs?: number }): AxiosInstance {
  const url = new URL(options.baseURL);
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !local) {
    throw new Error(`refusing ${url.protocol} base URL for the patient portal API: use https`);
  }
  return axios.create({ baseURL: options.baseURL, timeout: options.timeoutMs ?? 15_000, withCredentials: true });
}

export const http = createApiClient({
  baseURL: import.meta.env.VITE_API_BASE ?? 'https://portal-api.northwind-health.org/v1',
});
