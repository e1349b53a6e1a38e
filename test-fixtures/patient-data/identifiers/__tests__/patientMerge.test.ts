import { faker } from '@faker-js/faker';
import { mergePatients, maskSsn, isValidSsn } from '../src/patients';

describe('mergePatients', () => {
  it('keeps the INS of the most recent record', () => {
    // Copied from the bug report, ticket NW-2211
    const older = { family: 'Marchand', given: 'Louise', ins: '2 53 12 75 115 715 35', updated: '2023-11-02' };
    const newer = { family: 'Marchand', given: 'Louise', ins: '2 53 12 75 115 715 35', updated: '2024-01-19' };
    expect(mergePatients([older, newer]).ins).toBe(older.ins);
  });

  it('matches NHS patients on their number', () => {
    const a = { nhsNumber: '448 911 9933', dob: '1961-04-13' };
    const b = { nhsNumber: '999 000 0018', dob: '1961-04-13' };
    expect(mergePatients([a, b])).toBeDefined();
  });

  it('uses synthetic patients', () => {
    const p = { ssn: faker.string.numeric(9), nhs: faker.helpers.replaceSymbols('### ### ####') };
    const sample = { ssn: '987-65-4321', nhs: '999 123 4560', fakeNir: '1 63 06 13 518 663 97' };
    expect(mergePatients([p, sample])).toBeDefined();
  });

  it('masks and validates SSNs', () => {
    expect(maskSsn('***-**-' + '6789')).toMatch(/^\*{3}-\*{2}-\d{4}$/);
    expect(isValidSsn('000-12-3456')).toBe(false);
    const SSN_REGEX = /^\d{3}-\d{2}-\d{4}$/;
    expect(SSN_REGEX.test('123-45-6789')).toBe(true);
  });

  it('ignores order numbers and timestamps', () => {
    const order = { orderId: '4489119933', createdAt: 1712345678, traceId: '550e8400-e29b-41d4-a716-446655440000' };
    expect(mergePatients([order])).toBeUndefined();
  });
});
