import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../engine';

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  cwd: string;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError(`${parseArgsProblem(e as NodeJS.ErrnoException)} (try hdguard --help)`, 'usage');
  }
}

/** node:util's messages suggest `--` tricks meant for script authors; say what is wrong instead. */
function parseArgsProblem(e: NodeJS.ErrnoException): string {
  const option = /'(-[^']*)'/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option '${option}'`;
  return e.message.split('\n')[0];
}
