/**
 * A copy of a string that holds no reference to the text it was cut from. V8 represents a slice of a long
 * string (a key found in a file) as a view into it: a module-level cache that keeps such a slice keeps the whole
 * file alive after its analysis.
 */
export function detachedString(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}
