import type { SourceDocument } from '../document';
import type { OffsetEdit } from '../offsetEdit';

/** Where health data must not go. */
export type SinkKind = 'log' | 'client-storage' | 'cookie' | 'file' | 'analytics' | 'external-share';

export const SINK_KINDS: readonly SinkKind[] = ['log', 'client-storage', 'cookie', 'file', 'analytics', 'external-share'];

/** Where a value carrying health data comes from, described by names only (never by a value). */
export interface FlowSource {
  start: number;
  end: number;
  label: string;
}

/** Health data reaching a sink: the finding sits on the sink and points back at the source. */
export interface Flow {
  kind: SinkKind;
  /** The sink's span (the called function or the assigned property). */
  start: number;
  end: number;
  sink: string;
  source: FlowSource;
  /** What makes this sink worse, for the message: "a /tmp path", "world-readable mode". */
  detail?: string;
  fix?: { description: string; edits: OffsetEdit[] };
}

/** Paths on removable media or in folders a consumer sync client uploads. */
export const REMOVABLE_OR_SYNCED =
  /^(?:\/media\/|\/run\/media\/|\/mnt\/(?:usb|sd|ext)|\/Volumes\/|[D-Z]:[\\/]{1,2}|~?\/?(?:[^'"`]*[\\/])?(?:Dropbox|OneDrive|Google Drive|iCloud Drive|Mobile Documents)(?:[\\/]|$))/i;

/** Consumer file-sharing and paste services. */
export const SHARING_HOST =
  /\b(?:pastebin\.com|paste\.ee|hastebin\.com|ghostbin|dpaste\.(?:com|org)|transfer\.sh|file\.io|0x0\.st|catbox\.moe|gofile\.io|wetransfer\.com|api\.dropboxapi\.com|content\.dropboxapi\.com|googleapis\.com\/upload\/drive|api\.onedrive\.com|graph\.microsoft\.com\/v1\.0\/me\/drive|api\.github\.com\/gists|sendspace\.com|mega\.nz)\b/i;

/** Paths every local user can read. */
export const SHARED_TMP = /^(?:\/tmp\/|\/var\/tmp\/|\/dev\/shm\/|C:[\\/]{1,2}(?:Windows[\\/]{1,2})?Temp[\\/]|C:[\\/]{1,2}Users[\\/]{1,2}Public[\\/])/i;

/** What makes a file sink worse, from the paths written in its arguments and the three lines before it. */
export function pathDetail(doc: SourceDocument, sinkStart: number, argsEnd: number): string | undefined {
  const paths = literalsNear(doc, sinkStart, argsEnd);
  if (paths.some((p) => REMOVABLE_OR_SYNCED.test(p))) return 'removable media or a synced personal folder';
  if (paths.some((p) => SHARED_TMP.test(p))) return 'a shared temporary folder';
  return undefined;
}

function literalsNear(doc: SourceDocument, at: number, end: number): string[] {
  const line = doc.index.lineIndexAt(at);
  const from = doc.index.lineStart(Math.max(0, line - 3));
  const out: string[] = [];
  for (let i = from; i < end; ) {
    const region = doc.scopes.regionAt(i);
    if (region?.kind === 'string') {
      out.push(doc.text.slice(region.start, region.end).replace(/^[a-zA-Z@$]*["'`]+|["'`]+$/g, ''));
      i = region.end;
    } else i++;
  }
  return out;
}
