import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError, maskValue, scan, type Finding, type OffsetEdit, type RawValues } from '../../engine';
import { decodeText } from '../../engine/fileReader';
import { TextIndex } from '../../engine/textIndex';
import { applyEdits, planEdits } from '../edits';
import { EXIT, parse, type Io } from '../io';
import { TARGET_OPTIONS, resolveTarget, scanOptions } from '../target';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const PREVIEW_WIDTH = 160;

/** `hdguard fix [paths] [--rule ID] [--write]`: applies the findings' mechanical fixes (a dry run by default). */
export function fixCommand(args: string[], io: Io, help: () => number): number {
  const { values, positionals } = parse(args, {
    ...TARGET_OPTIONS,
    rule: { type: 'string', multiple: true, default: [] },
    write: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return help();
  const target = resolveTarget(positionals, values, io);
  const only = new Set(values.rule as string[]);
  for (const id of only) {
    if (!target.rules.some((r) => r.id === id)) throw new UserError(`--rule: unknown rule id '${id}' (hdguard rules lists them)`, 'usage');
  }
  const raw: RawValues = { values: [] };
  const result = scan({ ...scanOptions(target), raw });
  const fixable = result.findings.filter((f) => f.fix && (only.size === 0 || only.has(f.ruleId)));
  const byFile = new Map<string, Finding[]>();
  for (const f of fixable) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const mask = masker(raw.values);
  const write = values.write as boolean;

  let applied = 0;
  let filesChanged = 0;
  for (const [file, findings] of byFile) {
    const outcome = fixFile(path.join(result.root, file), findings, write);
    if ('problem' in outcome) {
      io.stdout(`${file}: not fixed: ${outcome.problem}\n`);
      continue;
    }
    applied += outcome.edits.length;
    filesChanged++;
    const overlap = outcome.skipped ? ` (${count(outcome.skipped, 'overlapping fix', 'overlapping fixes')} skipped)` : '';
    io.stdout(`${file}: ${count(outcome.edits.length, 'fix', 'fixes')}${overlap}: ${[...new Set(findings.map((f) => f.ruleId))].join(', ')}\n`);
    if (!write) io.stdout(preview(file, outcome.text, outcome.edits, mask));
  }
  const what = `${count(applied, 'fix', 'fixes')} in ${count(filesChanged, 'file', 'files')}`;
  io.stdout(write ? `Applied ${what}\n` : `${what} (dry run: nothing written; --write applies them)\n`);
  return EXIT.ok;
}

type FileOutcome = { text: string; edits: OffsetEdit[]; skipped: number } | { problem: string };

function fixFile(abs: string, findings: Finding[], write: boolean): FileOutcome {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (e) {
    return { problem: `cannot read (${(e as NodeJS.ErrnoException).code ?? e})` };
  }
  const decoded = decodeText(bytes);
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  // Writing back text that was decoded lossily (or from UTF-16) would change bytes no fix asked to change.
  if (!decoded.ok || decoded.lossy || utf16) return { problem: 'not UTF-8 text' };
  const { edits, skipped } = planEdits(decoded.text, findings.map((f) => f.fix!.edits));
  if (write && edits.length) {
    const bom = bytes.subarray(0, 3).equals(UTF8_BOM) ? UTF8_BOM : Buffer.alloc(0);
    try {
      fs.writeFileSync(abs, Buffer.concat([bom, Buffer.from(applyEdits(decoded.text, edits), 'utf8')]));
    } catch (e) {
      return { problem: `cannot write (${(e as NodeJS.ErrnoException).code ?? e})` };
    }
  }
  return { text: decoded.text, edits, skipped };
}

/** A unified-diff-like view of the changed lines, with every sensitive value masked and long lines cut. */
function preview(file: string, text: string, edits: OffsetEdit[], mask: (s: string) => string): string {
  const index = new TextIndex(text);
  const out = [`--- a/${file}\n`, `+++ b/${file}\n`];
  let delta = 0;
  for (const hunk of hunksOf(index, edits)) {
    const start = index.lineStart(hunk.first);
    const before = text.slice(start, index.lineEnd(hunk.last));
    const after = applyEdits(before, hunk.edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start })));
    const column = hunk.edits[0].start - start;
    const oldLines = before.split(/\r?\n/);
    const newLines = after.split(/\r?\n/);
    out.push(`@@ -${hunk.first + 1},${oldLines.length} +${hunk.first + 1 + delta},${newLines.length} @@\n`);
    for (const l of oldLines) out.push(`-${around(mask(l), column)}\n`);
    for (const l of newLines) out.push(`+${around(mask(l), column)}\n`);
    delta += newLines.length - oldLines.length;
  }
  return out.join('');
}

/** Edits grouped by the lines they touch: edits on a shared line make one hunk. */
function hunksOf(index: TextIndex, edits: OffsetEdit[]): Array<{ first: number; last: number; edits: OffsetEdit[] }> {
  const hunks: Array<{ first: number; last: number; edits: OffsetEdit[] }> = [];
  for (const e of edits) {
    const first = index.lineIndexAt(e.start);
    const last = index.lineIndexAt(Math.max(e.start, e.end - 1));
    const open = hunks[hunks.length - 1];
    if (open && first <= open.last) {
      open.last = Math.max(open.last, last);
      open.edits.push(e);
    } else {
      hunks.push({ first, last, edits: [e] });
    }
  }
  return hunks;
}

function around(line: string, column: number): string {
  if (line.length <= PREVIEW_WIDTH) return line;
  const from = Math.max(0, Math.min(column - PREVIEW_WIDTH / 2, line.length - PREVIEW_WIDTH));
  return `${from > 0 ? '…' : ''}${line.slice(from, from + PREVIEW_WIDTH)}${from + PREVIEW_WIDTH < line.length ? '…' : ''}`;
}

/** Masks every raw sensitive value the scan met, wherever it appears in a line shown. */
function masker(values: string[]): (s: string) => string {
  const sorted = [...new Set(values)].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
  return (s) => sorted.reduce((acc, v) => (acc.includes(v) ? acc.split(v).join(maskValue(v)) : acc), s);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
