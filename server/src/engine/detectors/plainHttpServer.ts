import type { SourceDocument } from '../document';
import type { Detector, DetectorHit } from './detector';

const REDIRECT_TO_HTTPS = /\b(return\s+30[1278]\s+https:|rewrite\s+\S+\s+https:|Redirect(Match)?\s+(permanent\s+|30[1278]\s+)?\S*\s*https:|RewriteRule\s+\S+\s+https:)/i;
const SERVES = /\b(location|proxy_pass|root|fastcgi_pass|uwsgi_pass|grpc_pass|ProxyPass|DocumentRoot|WSGIScriptAlias|Alias)\b/;
const LOCAL_NAME = /^\s*(server_name|ServerName)\s+(localhost|127\.0\.0\.1|_)\s*;?\s*$/m;

/**
 * nginx `server { listen 80; ... }` and Apache `<VirtualHost *:80>` blocks that serve content over plain
 * HTTP instead of redirecting to HTTPS.
 */
export const plainHttpServer: Detector = {
  name: 'plain-http-server',
  run(doc) {
    return doc.language.id === 'apache' || /<VirtualHost/i.test(doc.text) ? apacheHits(doc) : nginxHits(doc);
  },
};

function nginxHits(doc: SourceDocument): DetectorHit[] {
  const hits: DetectorHit[] = [];
  const text = doc.text;
  const re = /\bserver\s*\{/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (doc.scopes.scopeAt(m.index) !== 'code') continue;
    const open = m.index + m[0].length - 1;
    const close = matchingBrace(doc, open);
    const body = text.slice(open + 1, close);
    const listen80 = /^\s*listen\s+(?:(?:\[::\]|[\d.*]+):)?80(?:\s[^;]*)?;/m.exec(body);
    if (!listen80 || !SERVES.test(body) || REDIRECT_TO_HTTPS.test(body) || LOCAL_NAME.test(body)) continue;
    const at = open + 1 + listen80.index + listen80[0].indexOf('listen');
    hits.push({ start: at, end: open + 1 + listen80.index + listen80[0].length, params: { port: '80' } });
  }
  return hits;
}

function matchingBrace(doc: SourceDocument, open: number): number {
  let depth = 0;
  for (let i = open; i < doc.text.length; i++) {
    const ch = doc.text[i];
    if (ch !== '{' && ch !== '}') continue;
    if (doc.scopes.scopeAt(i) !== 'code') continue;
    depth += ch === '{' ? 1 : -1;
    if (depth === 0) return i;
  }
  return doc.text.length;
}

function apacheHits(doc: SourceDocument): DetectorHit[] {
  const hits: DetectorHit[] = [];
  const re = /<VirtualHost\s+[^>]*:80\s*>([\s\S]*?)<\/VirtualHost>/gi;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    if (doc.scopes.scopeAt(m.index) === 'comment') continue;
    const body = m[1];
    if (!SERVES.test(body) || REDIRECT_TO_HTTPS.test(body) || LOCAL_NAME.test(body)) continue;
    hits.push({ start: m.index, end: m.index + m[0].indexOf('>') + 1, params: { port: '80' } });
  }
  return hits;
}
