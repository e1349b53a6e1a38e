/**
 * The literal prefilter: before any rule runs on a file, one scan of its text finds which of the literals the
 * rules need occur in it (as ripgrep looks for many literals at once); a pattern or a detector none of whose
 * literals the file holds is then not run, because it cannot find anything there. The literals come from the
 * rules as they are compiled (regexLiterals.ts for patterns, `Detector.literals` for detectors), never from a
 * list of their own: a rule added to a pack is filtered by what its own regex requires, or always runs.
 */
export class LiteralScanner {
  private readonly re: RegExp | undefined;
  /** For each literal, the literals it starts with (itself included): found where it is found. */
  private readonly prefixes = new Map<string, string[]>();

  constructor(literals: Iterable<string>) {
    const all = [...new Set([...literals].map((l) => l.toLowerCase()))].filter(Boolean);
    for (const l of all) this.prefixes.set(l, all.filter((p) => l.startsWith(p)));
    // Longest first: at one position the regex reports the longest literal there, and the others there are its prefixes.
    all.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.re = all.length ? new RegExp(all.map(escapeRegex).join('|'), 'gi') : undefined;
  }

  /** The literals (lower case) that occur in the text, in any case. */
  scan(text: string): Set<string> {
    const found = new Set<string>();
    const re = this.re;
    if (!re) return found;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const literal = m[0].toLowerCase();
      if (!found.has(literal)) for (const p of this.prefixes.get(literal) ?? [literal]) found.add(p);
      // A literal may start inside this one: look again from the next character.
      re.lastIndex = m.index + 1;
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

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
