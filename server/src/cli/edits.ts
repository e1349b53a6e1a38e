import { TextIndex } from '../engine/textIndex';
import type { OffsetEdit, Position, TextEdit } from '../engine';

export interface PlannedEdits {
  /** The edits of the fixes kept, by offset, none overlapping another. */
  edits: OffsetEdit[];
  /** Fixes dropped because an edit of theirs overlaps one of a fix kept before them, or lies outside the text. */
  skipped: number;
}

/**
 * Chooses the fixes to apply to a text. Each fix is a list of edits (1-based, UTF-16 positions) applied all
 * or not at all: a fix that overlaps one kept before it (in text order) is skipped; a fix identical to one
 * kept (two findings proposing the same change) counts once.
 */
export function planEdits(text: string, fixes: TextEdit[][]): PlannedEdits {
  const index = new TextIndex(text);
  const candidates = fixes
    .map((edits) => edits.map((e) => ({ start: offsetOf(index, text, e.range.start), end: offsetOf(index, text, e.range.end), newText: e.newText })))
    .filter((edits) => edits.length > 0)
    .map((edits) => edits.sort((a, b) => a.start - b.start || a.end - b.end))
    .sort((a, b) => a[0].start - b[0].start || a[0].end - b[0].end);
  const kept: OffsetEdit[] = [];
  const keys = new Set<string>();
  let skipped = 0;
  for (const edits of candidates) {
    const key = JSON.stringify(edits);
    if (keys.has(key)) continue;
    const valid = edits.every((e) => e.start >= 0 && e.end >= e.start && e.end <= text.length);
    const selfOverlap = edits.some((e, i) => i > 0 && overlaps(edits[i - 1], e));
    if (!valid || selfOverlap || edits.some((e) => overlapsKept(kept, e))) {
      skipped++;
      continue;
    }
    keys.add(key);
    for (const e of edits) kept.splice(insertionIndex(kept, e.start), 0, e);
  }
  return { edits: kept, skipped };
}

/** Applies non-overlapping edits from last to first, so that earlier offsets stay true. */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Two edits overlap when their ranges share a character, or both insert at the same place (their order is unknown). */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));
}

function overlapsKept(kept: OffsetEdit[], e: OffsetEdit): boolean {
  const i = insertionIndex(kept, e.start);
  return [kept[i - 1], kept[i]].some((k) => k !== undefined && overlaps(k, e));
}

/** Where an edit starting at `start` goes in `kept`, sorted by start (binary search). */
function insertionIndex(kept: OffsetEdit[], start: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kept[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function offsetOf(index: TextIndex, text: string, p: Position): number {
  if (p.line < 1 || p.line > index.lineCount) return -1;
  const offset = index.lineStart(p.line - 1) + p.column - 1;
  return offset <= text.length ? offset : -1;
}
