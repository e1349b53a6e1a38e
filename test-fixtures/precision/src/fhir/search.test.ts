import { isSecureBaseUrl, glucoseQuery } from './search';

describe('base URL checks', () => {
  it('rejects cleartext base URLs', () => {
    expect(isSecureBaseUrl('http://fhir.partner-clinic.org/r4')).toBe(false);
    expect(isSecureBaseUrl('https://fhir.partner-clinic.org/r4')).toBe(true);
  });

  it('builds token searches', () => {
    expect(glucoseQuery('42')).toContain('code=http://loinc.org|2339-0');
  });

  it('talks to the staging server', async () => {
    // insecure (info in a test): a connection over cleartext HTTP
    const res = await fetch('http://staging.partner-clinic.org/fhir/metadata');
    expect(res.status).toBe(200);
  });
});
