/**
 * A replacement of text[start, end) by newText: how detectors and data-flow analyses propose a fix, in offsets
 * of the document's text, and what `hdguard fix` applies. Below both, so that neither imports the other.
 */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}
