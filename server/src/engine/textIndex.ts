import type { Position, Range } from './types';

/** Maps offsets in a text to 1-based line/column positions and back. */
export class TextIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      // CRLF, LF and a lone CR each end a line, as editors and the LSP count them.
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        if (c === 10 || c === 13) starts.push(i + 1);
      }
    }
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
    let end = this.lineStarts[lineIndex + 1];
    if (this.text[end - 1] === '\n') end--;
    if (this.text[end - 1] === '\r') end--;
    return end;
  }

  lineText(lineIndex: number): string {
    return this.text.slice(this.lineStart(lineIndex), this.lineEnd(lineIndex));
  }
}
