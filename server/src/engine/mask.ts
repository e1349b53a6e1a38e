/**
 * Masking: no output may hold a full identifier, patient value or secret. A masked value keeps its first
 * and last two characters (enough to find it in the file) and its separators, and hides the rest.
 */
export function maskValue(value: string): string {
  const chars = [...value];
  const significant = chars.filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
  if (significant <= 4) return chars.map((c) => (/[\p{L}\p{N}]/u.test(c) ? '*' : c)).join('');
  const keep = significant <= 8 ? 1 : 2;
  let seen = 0;
  return chars
    .map((c) => {
      if (!/[\p{L}\p{N}]/u.test(c)) return c;
      seen++;
      return seen <= keep || seen > significant - keep ? c : '*';
    })
    .join('');
}

/** Replaces each sensitive [start, end) span of text (offsets relative to text) with its masked form. */
export function maskSpans(text: string, spans: Array<[number, number]>): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of sorted) {
    const start = Math.max(s, pos);
    if (e <= start) continue;
    out += text.slice(pos, start) + maskValue(text.slice(start, e));
    pos = e;
  }
  return out + text.slice(pos);
}

/** Shortens evidence for display without cutting a masked span in a way that reveals more. */
export function clip(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
