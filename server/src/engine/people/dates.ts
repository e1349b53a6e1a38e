/**
 * Birth dates as written in code, data and HL7 (ISO 1980-04-12, 12/04/1980, 12.04.1980, 19800412):
 * the parsed date when it is a plausible birth date (a real calendar date, not in the future, after 1900).
 * STUB: the person-record detector's author refines the formats; the signature stays.
 */
export function parseBirthDate(text: string, now = new Date()): Date | undefined {
  const s = text.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  if (y < 1900 || date > now) return undefined;
  return date;
}
