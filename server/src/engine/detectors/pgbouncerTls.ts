import { parseIni, type IniEntry } from '../formats/ini';
import type { Detector, DetectorHit } from './detector';

/** Modes that let a connection run without TLS: off, or tried and given up when the other side refuses. */
const CLEARTEXT_MODES = new Set(['disable', 'allow', 'prefer']);

/** Hosts on the same machine: loopback names and addresses, a Unix socket folder. */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|\/.*)$/i;

/**
 * A PgBouncer configuration (a file with a `[pgbouncer]` section, read as INI) that lets database traffic run
 * in clear text: `server_tls_sslmode` set to disable, allow or prefer while a database in `[databases]` is on
 * another machine, or `client_tls_sslmode` so while `listen_addr` takes connections from other machines.
 * Options: none. `{setting}`, `{value}` and `{why}` are given to the message.
 */
export const pgbouncerTls: Detector = {
  name: 'pgbouncer-tls',
  run(doc) {
    if (!/^[ \t]*\[pgbouncer\]/im.test(doc.text)) return [];
    const entries = parseIni(doc.text);
    const inSection = (name: string) => entries.filter((e) => e.section.toLowerCase() === name);
    const setting = (key: string) => inSection('pgbouncer').filter((e) => e.key.text.toLowerCase() === key).pop();
    const hits: DetectorHit[] = [];

    const remoteDatabase = inSection('databases').some((e) => {
      const host = /(?:^|\s)host\s*=\s*'?([^\s']+)/i.exec(e.value.text)?.[1];
      return host !== undefined && isRemote(host);
    });
    const server = setting('server_tls_sslmode');
    if (server && remoteDatabase && CLEARTEXT_MODES.has(server.value.text.toLowerCase())) {
      hits.push(hit(server, 'the databases it forwards to are on other machines', 'verify-full'));
    }

    const listen = setting('listen_addr');
    const client = setting('client_tls_sslmode');
    const listensRemotely = listen?.value.text.split(',').map((a) => a.trim()).some((a) => a !== '' && isRemote(a));
    if (client && listensRemotely && CLEARTEXT_MODES.has(client.value.text.toLowerCase())) {
      hits.push(hit(client, `it takes connections from other machines (listen_addr = ${listen!.value.text})`));
    }
    return hits;
  },
};

/** Not this machine: a dotted name or an address other than loopback, or every interface (`*`, `0.0.0.0`). */
function isRemote(host: string): boolean {
  if (LOCAL_HOST.test(host)) return false;
  // a single-label name is a service on the compose or cluster network, as for the database-encryption rule
  return host === '*' || /^[\d.:]+$/.test(host) || host.includes('.');
}

function hit(entry: IniEntry, why: string, fix?: string): DetectorHit {
  return {
    start: entry.key.start,
    end: entry.value.end,
    params: { setting: entry.key.text, value: entry.value.text, why },
    fix: fix ? { description: `Set ${entry.key.text} to ${fix}`, edits: [{ start: entry.value.start, end: entry.value.end, newText: fix }] } : undefined,
  };
}
