import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError, loadConfig, resolveRules, type Config, type LoadedRule, type ScanOptions } from '../engine';
import type { Io, Options } from './io';

/** The options every command that scans takes. */
export const TARGET_OPTIONS: Options = {
  config: { type: 'string', short: 'c' },
  exclude: { type: 'string', multiple: true, default: [] },
};

/** What to scan, resolved from the command line: the root findings are relative to, the config and the rules. */
export interface Target {
  root: string;
  paths: string[];
  config: Config;
  rules: LoadedRule[];
  exclude: string[];
}

/**
 * With one folder, paths in reports are relative to it (and its .hdguard.yaml and workspace rules apply);
 * otherwise to the current folder.
 */
export function resolveTarget(positionals: string[], values: { config?: unknown; exclude?: unknown }, io: Io): Target {
  const given = positionals.length ? positionals : ['.'];
  for (const p of given) {
    if (!fs.existsSync(path.resolve(io.cwd, p))) throw new UserError(`no such file or folder: ${p}`, 'usage');
  }
  const single = given.length === 1 ? path.resolve(io.cwd, given[0]) : undefined;
  const root = single && fs.statSync(single).isDirectory() ? single : io.cwd;
  const configName = values.config as string | undefined;
  const configFile = configName ? path.resolve(io.cwd, configName) : undefined;
  if (configFile && !fs.existsSync(configFile)) throw new UserError(`${configName}: configuration file not found`, 'config');
  const config = loadConfig(root, configFile, configName);
  return { root, paths: given.map((p) => path.resolve(io.cwd, p)), config, rules: resolveRules(root, config), exclude: (values.exclude as string[]) ?? [] };
}

export function scanOptions(target: Target): ScanOptions {
  return { root: target.root, paths: target.paths, config: target.config, rules: target.rules, exclude: target.exclude };
}

/** A path as the user sees it: relative to the current folder. */
export function shown(io: Io, abs: string): string {
  return path.relative(io.cwd, abs) || '.';
}
