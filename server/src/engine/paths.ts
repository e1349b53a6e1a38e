import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/**
 * The folder of the built-in rule packs. The bundles live in server/dist and the sources in
 * server/src/engine or server/out, so it is found by walking up from here; HDGUARD_RULES_DIR overrides.
 */
export function builtinRulesDir(): string {
  if (cached) return cached;
  const fromEnv = process.env.HDGUARD_RULES_DIR;
  if (fromEnv) return (cached = path.resolve(fromEnv));
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'rules');
    if (fs.existsSync(path.join(candidate, 'schema', 'rule-pack.schema.json'))) return (cached = candidate);
    if (path.dirname(dir) === dir) throw new Error(`built-in rules not found above ${__dirname}`);
  }
}

/** The extension's own package.json version (the rules folder sits beside it). */
export function toolVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(path.dirname(builtinRulesDir()), 'package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
