/** A raw value's place in the document: [start, end) offsets and its decoded text. */
export interface Located {
  start: number;
  end: number;
  text: string;
}
