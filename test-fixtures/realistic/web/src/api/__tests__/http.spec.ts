import { describe, expect, it } from 'vitest';
import { createApiClient } from '../http';

describe('createApiClient', () => {
  it('refuses a cleartext base URL outside development', () => {
    expect(() => createApiClient({ baseURL: 'http://portal-api.northwind-health.org/v1' })).toThrow(/use https/);
    expect(() => createApiClient({ baseURL: 'http://10.20.4.17:8080/v1' })).toThrow(/use https/);
  });

  it('accepts https and the local dev server', () => {
    expect(createApiClient({ baseURL: 'https://portal-api.northwind-health.org/v1' }).defaults.baseURL).toContain('https://');
    expect(() => createApiClient({ baseURL: 'http://localhost:5173/api' })).not.toThrow();
  });
});
