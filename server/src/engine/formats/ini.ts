import type { Located } from './located';

/** One `key = value` line of an INI file, with the places of its key and value. */
export interface IniEntry {
  section: string;
  key: Located;
  value: Located;
}

/** A section header, or a key and its value (empty allowed); trailing spaces and `\r` are not part of either. */
const LINE = /^[ \t]*(?:\[([^\]\r\n]*)\]|([^=:;#\s[][^=:\r\n]*?)[ \t]*[=:][ \t]*([^\r\n]*?))[ \t]*\r?$/dgm;

/**
 * Reads an INI file (PgBouncer, PHP, MySQL option files): `[section]` headers, `key = value` (or `key: value`)
 * lines, `;` and `#` comment lines. Section and key names are kept as written; values are trimmed, and a value
 * in double quotes is read without them. Lines that are none of these are passed over.
 */
export function parseIni(text: string): IniEntry[] {
  const out: IniEntry[] = [];
  let section = '';
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m; m = LINE.exec(text)) {
    if (m[0].length === 0) {
      LINE.lastIndex++;
      continue;
    }
    if (m[1] !== undefined) {
      section = m[1].trim();
      continue;
    }
    const [keyStart, keyEnd] = m.indices![2];
    const [valueStart, valueEnd] = m.indices![3];
    const quoted = /^"(.*)"$/.exec(m[3]);
    out.push({
      section,
      key: { start: keyStart, end: keyEnd, text: m[2] },
      value: quoted ? { start: valueStart + 1, end: valueEnd - 1, text: quoted[1] } : { start: valueStart, end: valueEnd, text: m[3] },
    });
  }
  return out;
}
