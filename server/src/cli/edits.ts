import { TextIndex } from '../engine/textIndex';
import type { Position, TextEdit } from '../engine';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface PlannedEdits {
  /** Kept edits, in order, none overlapping another. */
  edits: OffsetEdit[];
  /** Edits dropped because they overlap one kept before them (or repeat it). */
  skipped: number;
}

/**
 * Turns 1-based, UTF-16 positions into offsets and keeps the edits that do not overlap an earlier one
 * (an identical edit proposed by two findings counts once). Edits outside the text are dropped.
 */
export function planEdits(text: string, edits: TextEdit[]): PlannedEdits {
  const index = new TextIndex(text);
  const offsets = edits
    .map((e) => ({ start: offsetOf(index, text, e.range.start), end: offsetOf(index, text, e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: OffsetEdit[] = [];
  let skipped = 0;
  for (const e of offsets) {
    const last = kept[kept.length - 1];
    const valid = e.start >= 0 && e.end >= e.start && e.end <= text.length;
    if (!valid || (last && (e.start < last.end || (e.start === last.start && e.end === last.end)))) {
      if (!(last && e.start === last.start && e.end === last.end && e.newText === last.newText)) skipped++;
      continue;
    }
    kept.push(e);
  }
  return { edits: kept, skipped };
}

/** Applies non-overlapping edits from last to first, so that earlier offsets stay true. */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function offsetOf(index: TextIndex, text: string, p: Position): number {
  if (p.line < 1 || p.line > index.lineCount) return -1;
  const offset = index.lineStart(p.line - 1) + p.column - 1;
  return offset <= text.length ? offset : -1;
}
