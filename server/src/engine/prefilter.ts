/**
 * The literal prefilter: before any rule runs on a file, one scan of its text finds which of the literals the
 * rules need occur in it (as ripgrep looks for many literals at once); a pattern or a detector none of whose
 * literals the file holds is then not run, because it cannot find anything there. The literals come from the
 * rules as they are compiled (regexLiterals.ts for patterns, `Detector.literals` for detectors), never from a
 * list of their own: a rule added to a pack is filtered by what its own regex requires, or always runs.
 */
export class LiteralScanner {
  private readonly literals: string[];
  /** The automaton's moves: next state = delta[state * 128 + character] (ASCII, upper case folded to lower). */
  private readonly delta: Int32Array;
  /** For each state, the literals that end there (as indexes in `literals`), or undefined. */
  private readonly ends: Array<number[] | undefined>;
  /** 1 for the states where some literal ends (the loop's one test per character). */
  private readonly final: Uint8Array;

  constructor(literals: Iterable<string>) {
    this.literals = [...new Set([...literals].map((l) => l.toLowerCase()))].filter((l) => l && !/[^\x00-\x7f]/.test(l));
    // Aho-Corasick: a trie of the literals, then every state's moves completed through its failure link.
    const children: Array<Map<number, number>> = [new Map()];
    const ends: Array<number[] | undefined> = [undefined];
    this.literals.forEach((literal, id) => {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        let next = children[state].get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push(undefined);
          children[state].set(c, next);
        }
        state = next;
      }
      (ends[state] ??= []).push(id);
    });
    const delta = new Int32Array(children.length * 128);
    const fail = new Int32Array(children.length);
    const queue: number[] = [];
    for (let c = 0; c < 128; c++) {
      const next = children[0].get(c);
      if (next !== undefined) {
        delta[c] = next;
        queue.push(next);
      }
    }
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q];
      const inherited = ends[fail[state]];
      if (inherited) ends[state] = [...(ends[state] ?? []), ...inherited];
      for (let c = 0; c < 128; c++) {
        const next = children[state].get(c);
        if (next !== undefined) {
          fail[next] = delta[fail[state] * 128 + c];
          delta[state * 128 + c] = next;
          queue.push(next);
        } else {
          delta[state * 128 + c] = delta[fail[state] * 128 + c];
        }
      }
    }
    // Upper-case letters move as their lower-case ones (the literals are lower case).
    for (let state = 0; state < children.length; state++) {
      for (let c = 65; c <= 90; c++) delta[state * 128 + c] = delta[state * 128 + c + 32];
    }
    this.delta = delta;
    this.ends = ends;
    this.final = Uint8Array.from(ends, (e) => (e ? 1 : 0));
  }

  /** The literals (lower case) that occur in the text, in any case. */
  scan(text: string): Set<string> {
    const found = new Set<string>();
    if (!this.literals.length) return found;
    const { delta, ends, final } = this;
    const seen = new Uint8Array(this.literals.length);
    let state = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      // No literal holds a character beyond ASCII: the automaton starts again after one.
      state = c < 128 ? delta[(state << 7) | c] : 0;
      if (final[state]) {
        for (const id of ends[state]!) {
          if (!seen[id]) {
            seen[id] = 1;
            found.add(this.literals[id]);
          }
        }
      }
    }
    return found;
  }
}

/**
 * Literals fit for the scan, or undefined (the part always runs): ASCII only, where case-insensitive matching and
 * lower-casing agree (`σ` and `ς` both match /σ/i).
 */
export function filterable(literals: readonly string[] | undefined): string[] | undefined {
  if (!literals?.length || literals.some((l) => !l || /[^\x00-\x7f]/.test(l))) return undefined;
  return literals.map((l) => l.toLowerCase());
}

/** Whether a filtered part may find something: it has no literals (always runs) or the file holds one of them. */
export function mayMatch(literals: readonly string[] | undefined, present: ReadonlySet<string> | undefined): boolean {
  return !literals || !present || literals.some((l) => present.has(l));
}

