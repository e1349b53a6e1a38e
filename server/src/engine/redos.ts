import type * as Recheck from 'recheck';

/** How long the checker may think about one regex; past it the regex is given the benefit of the doubt. */
export const REDOS_CHECK_TIMEOUT_MS = 3000;

const verdicts = new Map<string, string | undefined>();

/**
 * Says why a regex can backtrack catastrophically (exponential time in the input's length), or undefined.
 * Polynomial cases are accepted: every file is bounded by the size limit and the per-file time budget, and
 * the checker flags many bounded patterns that V8 runs in linear time. Cached by source and flags.
 */
export function redosProblem(source: string, flags = '', timeoutMs = REDOS_CHECK_TIMEOUT_MS): string | undefined {
  // recheck knows the flags that change what matches; d and g only change what exec reports.
  const checked = [...new Set(flags)].filter((f) => 'imsuy'.includes(f)).join('');
  const key = `${checked}/${source}`;
  if (verdicts.has(key)) return verdicts.get(key);
  // Loaded on first use: only workspace rules are checked, and the checker is large.
  const { checkSync } = require('recheck') as typeof Recheck;
  const d = checkSync(source, checked, { timeout: timeoutMs, randomSeed: 0 });
  const problem = d.status === 'vulnerable' && d.complexity.type === 'exponential'
    ? `can backtrack catastrophically (exponential time, ReDoS) on input such as ${clipAttack(d.attack.pattern)}`
    : undefined;
  verdicts.set(key, problem);
  return problem;
}

function clipAttack(pattern: string): string {
  return pattern.length > 60 ? `${pattern.slice(0, 59)}…` : pattern;
}
