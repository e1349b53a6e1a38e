import { loadConfig, resolveRules, scan, type RawValues } from '../src/engine';

/** The raw sensitive values the engine masked in a folder's findings. */
export function rawValuesOf(root: string): string[] {
  const config = loadConfig(root);
  const raw: RawValues = { values: [] };
  scan({ root, config, rules: resolveRules(root, config), raw });
  return raw.values;
}

/** Raw values that would also appear by chance (short ones, or words in rule descriptions) say nothing. */
export const telling = (values: string[]) => [...new Set(values)].filter((v) => v.length >= 6);
