import { digitsOf, luhnValid, mod97Key, verhoeffValid } from './checksums';

/**
 * One validator per national identifier (see shared domain notes): each takes the value as written
 * (separators allowed), and says whether it has the identifier's shape and passes its check.
 */

const compact = (s: string) => s.replace(/[\s.\-/]/g, '').toUpperCase();

// ---- United States ----

const SSN_SAMPLES = new Set(['078051120', '457555462', '219099999', '123456789']);

export function isValidSsn(value: string): boolean {
  const s = compact(value);
  if (!/^\d{9}$/.test(s)) return false;
  const area = Number(s.slice(0, 3));
  return area !== 0 && area !== 666 && area < 900 && s.slice(3, 5) !== '00' && s.slice(5) !== '0000';
}

/** Published sample numbers and the 987-65-4320…4329 advertising range. */
export function isSsnTestValue(value: string): boolean {
  const s = compact(value);
  return SSN_SAMPLES.has(s) || /^98765432\d$/.test(s);
}

export function isValidItin(value: string): boolean {
  const s = compact(value);
  if (!/^9\d{8}$/.test(s)) return false;
  const g = Number(s.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/** Medicare Beneficiary Identifier: C A AN N A AN N A A N N, letters without S L O I B Z. No check digit. */
export function isValidMbi(value: string): boolean {
  const A = '[AC-HJKMNP-RT-Y]';
  const AN = '[AC-HJKMNP-RT-Y0-9]';
  return new RegExp(`^[1-9]${A}${AN}\\d${A}${AN}\\d${A}${A}\\d\\d$`).test(compact(value));
}

/** National Provider Identifier: Luhn over "80840" + the 10 digits. */
export function isValidNpi(value: string): boolean {
  const s = compact(value);
  return /^[12]\d{9}$/.test(s) && luhnValid(`80840${s}`);
}

/** DEA registration number: two letters (or a letter and 9) and 7 digits. */
export function isValidDea(value: string): boolean {
  const s = compact(value);
  if (!/^[A-Z][A-Z9]\d{7}$/.test(s)) return false;
  const d = digitsOf(s.slice(2));
  return ((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10) === d[6];
}

// ---- France ----

/** NIR (numéro de sécurité sociale) and the INS matricule: 13 characters and a 2-digit key, Corsica 2A/2B. */
export function isValidNir(value: string): boolean {
  const s = compact(value);
  const m = /^([1-478])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || (month >= 50 && month <= 99))) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return mod97Key(body) === Number(m[7]);
}

// ---- United Kingdom ----

/** NHS number: mod 11 over the first nine digits, weights 10..2; 10 is never a valid check digit. */
export function isValidNhsNumber(value: string): boolean {
  const s = compact(value);
  if (!/^\d{10}$/.test(s)) return false;
  const d = digitsOf(s);
  const sum = d.slice(0, 9).reduce((acc, x, i) => acc + x * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === d[9];
}

export function isNhsTestValue(value: string): boolean {
  return compact(value).startsWith('999');
}

// ---- Netherlands, Belgium, Germany ----

/** BSN (burgerservicenummer): the 11-proof, zero-filled to 9 digits. */
export function isValidBsn(value: string): boolean {
  let s = compact(value);
  if (/^\d{8}$/.test(s)) s = `0${s}`;
  if (!/^\d{9}$/.test(s) || /^0+$/.test(s)) return false;
  const d = digitsOf(s);
  const sum = d.slice(0, 8).reduce((acc, x, i) => acc + x * (9 - i), 0) - d[8];
  return sum % 11 === 0;
}

/** Belgian national number YYMMDD-SSS-CC; for births from 2000 the check prefixes "2". */
export function isValidBelgianNationalNumber(value: string): boolean {
  const s = compact(value);
  if (!/^\d{11}$/.test(s)) return false;
  const body = s.slice(0, 9);
  const cc = Number(s.slice(9));
  return mod97Key(body) === cc || mod97Key(`2${body}`) === cc;
}

/** Krankenversichertennummer: a letter and 9 digits; the letter counts as its two-digit alphabet position. */
export function isValidKvnr(value: string): boolean {
  const s = compact(value);
  if (!/^[A-Z]\d{9}$/.test(s)) return false;
  const letter = String(s.charCodeAt(0) - 64).padStart(2, '0');
  const d = digitsOf(letter + s.slice(1, 9));
  const sum = d.reduce((acc, x, i) => {
    const p = x * (i % 2 === 0 ? 1 : 2);
    return acc + (p >= 10 ? Math.floor(p / 10) + (p % 10) : p);
  }, 0);
  return sum % 10 === Number(s[9]);
}

/** Lebenslange Arztnummer (physician): weights 4,9 over the first six digits, check in the 7th. */
export function isValidLanr(value: string): boolean {
  const s = compact(value);
  if (!/^\d{9}$/.test(s)) return false;
  const d = digitsOf(s);
  const sum = d.slice(0, 6).reduce((acc, x, i) => acc + x * (i % 2 === 0 ? 4 : 9), 0);
  return (10 - (sum % 10)) % 10 === d[6];
}

// ---- Canada, Australia ----

export function isValidSin(value: string): boolean {
  const s = compact(value);
  return /^[1-79]\d{8}$/.test(s) && luhnValid(s);
}

/** British Columbia Personal Health Number: 10 digits starting 9, weighted mod 11. */
export function isValidBcPhn(value: string): boolean {
  const s = compact(value);
  if (!/^9\d{9}$/.test(s)) return false;
  const w = [2, 4, 8, 5, 10, 9, 7, 3];
  const d = digitsOf(s);
  const sum = w.reduce((acc, weight, i) => acc + ((weight * d[i + 1]) % 11), 0);
  return (11 - (sum % 11)) % 11 === d[9];
}

/** Ontario health number: 10 digits (and an optional 2-letter version code), Luhn. */
export function isValidOntarioHealthNumber(value: string): boolean {
  const s = compact(value);
  const m = /^(\d{10})([A-Z]{2})?$/.exec(s);
  return Boolean(m) && luhnValid(m![1]);
}

/** Australian Medicare card number: 10 digits (and optional IRN), first 2–6, weighted check in the 9th. */
export function isValidAuMedicare(value: string): boolean {
  const s = compact(value);
  if (!/^[2-6]\d{9}\d?$/.test(s)) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9];
  const d = digitsOf(s);
  return w.reduce((acc, weight, i) => acc + weight * d[i], 0) % 10 === d[8];
}

// ---- Italy, Spain, Sweden, India ----

const CF_ODD: Record<string, number> = {};
'1 0 5 7 9 13 15 17 19 21'.split(' ').forEach((v, i) => {
  CF_ODD[String(i)] = Number(v);
  CF_ODD[String.fromCharCode(65 + i)] = Number(v);
});
'2 4 18 20 11 3 6 8 12 14 16 10 22 25 24 23'.split(' ').forEach((v, i) => {
  CF_ODD[String.fromCharCode(75 + i)] = Number(v);
});

/** Codice fiscale: 16 characters, the last a check letter over odd and even positions. */
export function isValidCodiceFiscale(value: string): boolean {
  const s = compact(value);
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = s[i];
    if (i % 2 === 0) sum += CF_ODD[c];
    else sum += /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === s[15];
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter). */
export function isValidDniNie(value: string): boolean {
  const s = compact(value);
  const m = /^([XYZ]\d{7}|\d{8})([A-Z])$/.exec(s);
  if (!m) return false;
  const n = Number(m[1].replace(/^X/, '0').replace(/^Y/, '1').replace(/^Z/, '2'));
  return DNI_LETTERS[n % 23] === m[2];
}

/** Swedish personnummer (and samordningsnummer, day + 60): a real date and Luhn over the last 10 digits. */
export function isValidPersonnummer(value: string): boolean {
  const s = value.replace(/[\s-+]/g, '');
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return false;
  const month = Number(m[3]);
  let day = Number(m[4]);
  if (day > 60) day -= 60;
  const year = m[1] ? Number(m[1] + m[2]) : 2000 + Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  return luhnValid(s.slice(-10));
}

/** Aadhaar: 12 digits, first at least 2, Verhoeff check digit; palindromes are not issued. */
export function isValidAadhaar(value: string): boolean {
  const s = compact(value);
  return /^[2-9]\d{11}$/.test(s) && s !== [...s].reverse().join('') && verhoeffValid(s);
}

// ---- Payment cards ----

const CARD_PREFIX = /^(4|5[1-5]|2[2-7]|3[47]|6(011|5|4[4-9]|22)|35|30[0-5]|36|38|39|62)/;

export function isValidPaymentCard(value: string): boolean {
  const s = compact(value);
  return /^\d{13,19}$/.test(s) && CARD_PREFIX.test(s) && luhnValid(s);
}
