import type { Position, Range } from './types';

/** Maps offsets in a text to 1-based line/column positions and back. */
export class TextIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based index of the line holding offset. */
  lineIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const line = this.lineIndexAt(offset);
    return { line: line + 1, column: offset - this.lineStarts[line] + 1 };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineStart(lineIndex: number): number {
    return this.lineStarts[Math.max(0, Math.min(lineIndex, this.lineStarts.length - 1))];
  }

  /** End of the line's content, before its line break. */
  lineEnd(lineIndex: number): number {
    if (lineIndex + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[lineIndex + 1] - 1;
    return next > 0 && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  lineText(lineIndex: number): string {
    return this.text.slice(this.lineStart(lineIndex), this.lineEnd(lineIndex));
  }
}
