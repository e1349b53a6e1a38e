import { normalizeWord } from './names';

/**
 * Birth dates as written in code, data and HL7: ISO 1984-03-12, 12/03/1984 or 03/12/1984 (either reading),
 * 12.03.1984, 19840312 (HL7, optionally with a time), 'March 12, 1984', '12 mars 1984', '12. März 1984',
 * '12 de marzo de 1984'. A plausible birth date is a real calendar date from 1900 on, not in the future.
 */
export function parseBirthDate(text: string, now = new Date()): Date | undefined {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s)) || (m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(s))) {
    return plausible(Number(m[1]), Number(m[2]), Number(m[3]), now);
  }
  if ((m = /^(\d{4})(\d{2})(\d{2})(?:\d{4}(?:\d{2})?)?(?:[+-]\d{4})?$/.exec(s))) return plausible(Number(m[1]), Number(m[2]), Number(m[3]), now);
  if ((m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(s))) {
    const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
    return plausible(y, b, a, now) ?? plausible(y, a, b, now);
  }
  if ((m = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(s))) {
    const month = monthNumber(m[1]);
    return month ? plausible(Number(m[3]), month, Number(m[2]), now) : undefined;
  }
  if ((m = /^(\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})$/u.exec(s))) {
    const month = monthNumber(m[2]);
    return month ? plausible(Number(m[3]), month, Number(m[1]), now) : undefined;
  }
  return undefined;
}

/** A date built from numbers in code (`LocalDate.of(1984, 3, 12)`, `date(1984, 3, 12)`): JS `new Date` months count from 0. */
export function birthDateFromParts(year: number, month: number, day: number, zeroBasedMonth = false, now = new Date()): Date | undefined {
  return plausible(year, zeroBasedMonth ? month + 1 : month, day, now);
}

function plausible(y: number, mo: number, d: number, now: Date): Date | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  if (y < 1900 || date > now) return undefined;
  return date;
}

/** Languages whose month names dates are written with (their names come from the runtime's ICU data). */
const MONTH_LANGUAGES = ['en', 'fr', 'de', 'nl', 'it', 'es', 'sv', 'da', 'nb', 'fi', 'pt'];

let months: Map<string, number> | undefined;

function monthNumber(word: string): number | undefined {
  if (!months) {
    months = new Map([['sept', 9]]);
    for (const language of MONTH_LANGUAGES) {
      for (const style of ['long', 'short'] as const) {
        const format = new Intl.DateTimeFormat(language, { month: style, timeZone: 'UTC' });
        for (let m = 0; m < 12; m++) months.set(normalizeWord(format.format(Date.UTC(2000, m, 15))).replace(/\.$/, ''), m + 1);
      }
    }
  }
  return months.get(normalizeWord(word));
}

const DATE_IN_TEXT =
  /(?<![\w./-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}|(?:19|20)\d{6}|\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:\.|er)?\s+(?:de\s+)?\p{L}{3,9}\.?\s+(?:de\s+)?\d{4})(?![\w/-])/gu;

/** Birth dates written in free text (a log line, a note), as [start, end) offsets within it. */
export function birthDatesIn(text: string, now = new Date()): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) if (parseBirthDate(m[0], now)) found.push([m.index, m.index + m[0].length]);
  return found;
}
