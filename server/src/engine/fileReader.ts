import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SkipReason } from './types';

const BINARY_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif bmp ico webp tif tiff psd pdf zip gz tgz bz2 xz 7z rar zst jar war ear class dex apk ipa ' +
    'exe dll so dylib o a lib obj pdb bin iso img dmg woff woff2 ttf otf eot mp3 mp4 m4a mov avi mkv wav flac ' +
    'ogg webm dcm dicom sqlite sqlite3 db mdb pyc pyo wasm parquet avro orc xlsx xls docx doc pptx ppt odt ods ' +
    'keystore jks p12 pfx der node'
  ).split(' '),
);

/** Languages whose one-line bundles are generated code, not something a person wrote. */
const BUNDLE_LANGUAGES = new Set(['javascript', 'typescript', 'css', 'html']);

export type ReadResult =
  | { ok: true; text: string; lossy: boolean }
  | { ok: false; reason: SkipReason; detail: string };

export interface ReadLimits {
  maxFileSize: number;
}

export function hasBinaryExtension(file: string): boolean {
  return BINARY_EXTENSIONS.has(path.extname(file).slice(1).toLowerCase());
}

/** Why a file of this size is not analysed, if it is not. */
export function sizeProblem(size: number, limits: ReadLimits): string | undefined {
  return size > limits.maxFileSize ? `${formatBytes(size)} is over the ${formatBytes(limits.maxFileSize)} limit` : undefined;
}

/** Reads a file's bytes, or says why it is skipped (binary type, too large, unreadable). Never throws. */
export function readSourceBytes(abs: string, size: number, limits: ReadLimits): { ok: true; bytes: Buffer } | Extract<ReadResult, { ok: false }> {
  if (hasBinaryExtension(abs)) return { ok: false, reason: 'binary', detail: 'binary file type' };
  const tooLarge = sizeProblem(size, limits);
  if (tooLarge) return { ok: false, reason: 'too-large', detail: tooLarge };
  try {
    return { ok: true, bytes: fs.readFileSync(abs) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, reason: 'unreadable', detail: err.code ?? String(e) };
  }
}

/** Reads a file as text, or says why it is skipped. Never throws. */
export function readSourceFile(abs: string, size: number, limits: ReadLimits): ReadResult {
  const read = readSourceBytes(abs, size, limits);
  return read.ok ? decodeText(read.bytes) : read;
}

/** Decodes bytes as text: BOMs honoured, NUL bytes mean binary, invalid UTF-8 is decoded lossily. */
export function decodeText(bytes: Buffer): ReadResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: bytes.subarray(2).toString('utf16le'), lossy: false };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const odd = (bytes.length - 2) % 2;
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - odd)).swap16();
    return { ok: true, text: swapped.toString('utf16le'), lossy: odd !== 0 };
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, reason: 'binary', detail: 'contains NUL bytes' };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), lossy: false };
  } catch {
    return { ok: true, text: new TextDecoder('utf-8').decode(body), lossy: true };
  }
}

/** A generated one-line bundle: `.min.` in the name, or a long file made of very long lines. */
export function looksMinified(file: string, languageId: string, text: string): boolean {
  if (/\.min\.(js|mjs|cjs|css)$/i.test(file)) return true;
  if (!BUNDLE_LANGUAGES.has(languageId) || text.length < 4096) return false;
  let lines = 1;
  let longest = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    longest = Math.max(longest, i - lineStart);
    lineStart = i + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - lineStart);
  return text.length / lines > 500 || longest > 20000;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 ** 2).toFixed(1)} MB`;
}
