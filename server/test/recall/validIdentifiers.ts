import type { Faker } from '@faker-js/faker';
import { identifierTypeById } from '../../src/engine/identifiers/catalog';

/**
 * Random, checksum-valid identifiers of each type, formatted as people write them, outside every
 * documented test range: the recall suite's ground truth. Each is checked with the engine's validator.
 */
export type IdentifierGenerator = (f: Faker) => string;

const digits = (f: Faker, n: number) => Array.from({ length: n }, () => f.number.int(9)).join('');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Tries check characters until the validator accepts one; undefined when none does (e.g. NHS check 10). */
function withCheck(typeId: string, body: string, candidates: string, format: (full: string) => string): string | undefined {
  const type = identifierTypeById(typeId)!;
  for (const c of candidates) {
    const value = format(body + c);
    if (type.validate(value) && !type.isTestValue?.(value)) return value;
  }
  return undefined;
}

function retry(make: () => string | undefined): string {
  for (;;) {
    const v = make();
    if (v) return v;
  }
}

const D = '0123456789';

export const GENERATORS: Record<string, IdentifierGenerator> = {
  'uk-nhs': (f) => retry(() => withCheck('uk-nhs', `${f.number.int({ min: 1, max: 8 })}${digits(f, 8)}`, D, (s) => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`)),
  'fr-nir': (f) =>
    retry(() => {
      const body = `${f.helpers.arrayElement(['1', '2'])}${pad(f.number.int({ min: 30, max: 99 }), 2)}${pad(f.number.int({ min: 1, max: 12 }), 2)}${pad(f.number.int({ min: 1, max: 95 }), 2)}${digits(f, 3)}${pad(f.number.int({ min: 1, max: 999 }), 3)}`;
      const key = 97 - Number(BigInt(body) % 97n);
      const s = body + pad(key, 2);
      return `${s[0]} ${s.slice(1, 3)} ${s.slice(3, 5)} ${s.slice(5, 7)} ${s.slice(7, 10)} ${s.slice(10, 13)} ${s.slice(13)}`;
    }),
  'us-ssn': (f) =>
    retry(() => {
      const area = f.number.int({ min: 1, max: 899 });
      if (area === 666) return undefined;
      const v = `${pad(area, 3)}-${pad(f.number.int({ min: 1, max: 99 }), 2)}-${pad(f.number.int({ min: 1, max: 9999 }), 4)}`;
      const t = identifierTypeById('us-ssn')!;
      return t.validate(v) && !t.isTestValue?.(v) ? v : undefined;
    }),
  'nl-bsn': (f) => retry(() => withCheck('nl-bsn', `${f.number.int({ min: 1, max: 9 })}${digits(f, 7)}`, D, (s) => s)),
  'de-kvnr': (f) => retry(() => withCheck('de-kvnr', `${f.string.alpha({ length: 1, casing: 'upper' })}${digits(f, 8)}`, D, (s) => s)),
  'be-national-number': (f) =>
    retry(() => {
      const born = f.date.birthdate({ min: 1930, max: 1999, mode: 'year' });
      const body = `${pad(born.getUTCFullYear() % 100, 2)}${pad(born.getUTCMonth() + 1, 2)}${pad(born.getUTCDate(), 2)}${pad(f.number.int({ min: 1, max: 997 }), 3)}`;
      const cc = 97 - Number(BigInt(body) % 97n);
      const s = body + pad(cc, 2);
      return `${s.slice(0, 2)}.${s.slice(2, 4)}.${s.slice(4, 6)}-${s.slice(6, 9)}.${s.slice(9)}`;
    }),
  'it-codice-fiscale': (f) =>
    retry(() =>
      withCheck(
        'it-codice-fiscale',
        `${f.string.alpha({ length: 6, casing: 'upper' })}${digits(f, 2)}${f.helpers.arrayElement([...'ABCDEHLMPRST'])}${pad(f.number.int({ min: 1, max: 28 }), 2)}${f.string.alpha({ length: 1, casing: 'upper' })}${digits(f, 3)}`,
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        (s) => s,
      ),
    ),
  'es-dni-nie': (f) => retry(() => withCheck('es-dni-nie', digits(f, 8), 'TRWAGMYFPDXBNJZSQVHLCKE', (s) => s)),
  'se-personnummer': (f) =>
    retry(() => {
      const born = f.date.birthdate({ min: 1930, max: 2005, mode: 'year' });
      const date = `${pad(born.getUTCFullYear() % 100, 2)}${pad(born.getUTCMonth() + 1, 2)}${pad(born.getUTCDate(), 2)}`;
      return withCheck('se-personnummer', `${date}${digits(f, 3)}`, D, (s) => `${s.slice(0, 6)}-${s.slice(6)}`);
    }),
  'au-medicare': (f) => retry(() => withCheck('au-medicare', `${f.number.int({ min: 2, max: 6 })}${digits(f, 7)}`, D, (s) => `${s.slice(0, 4)} ${s.slice(4, 9)} ${f.number.int({ min: 1, max: 9 })}`)),
  'us-mbi': (f) => {
    const A = 'ACDEFGHJKMNPQRTUVWXY';
    const AN = `${A}0123456789`;
    const pick = (set: string) => set[f.number.int(set.length - 1)];
    return `${f.number.int({ min: 1, max: 9 })}${pick(A)}${pick(AN)}${f.number.int(9)}-${pick(A)}${pick(AN)}${f.number.int(9)}-${pick(A)}${pick(A)}${f.number.int(9)}${f.number.int(9)}`;
  },
};
