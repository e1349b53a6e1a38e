import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { Detector, DetectorHit } from './detector';

const DATABASE_IMAGE = /(?:^|\/)(?:postgres|postgis\/postgis|mysql|mariadb|mongo|mssql\/server|mcr\.microsoft\.com\/mssql|redis|couchdb|cassandra|elasticsearch|neo4j|influxdb)(?::|$)/i;
const PASSWORD_VAR = /^(?:POSTGRES_PASSWORD|MYSQL_ROOT_PASSWORD|MYSQL_PASSWORD|MARIADB_ROOT_PASSWORD|MARIADB_PASSWORD|MONGO_INITDB_ROOT_PASSWORD|SA_PASSWORD|MSSQL_SA_PASSWORD|COUCHDB_PASSWORD|NEO4J_AUTH|ELASTIC_PASSWORD|REDIS_PASSWORD|DOCKER_INFLUXDB_INIT_PASSWORD)$/;
const DEFAULT_PASSWORD = /^(?:|postgres|password|passw0rd|pass|root|admin|example|secret|changeme|change_me|123456|12345678|mysql|mongo|test|sa|neo4j\/neo4j|neo4j\/password|Password1!?|P@ssw0rd|yourStrong\(!\)Password)$/i;
const NO_PASSWORD = /^(?:MYSQL_ALLOW_EMPTY_PASSWORD|MARIADB_ALLOW_EMPTY_ROOT_PASSWORD|ALLOW_EMPTY_PASSWORD)$|^POSTGRES_HOST_AUTH_METHOD$/;

/**
 * docker-compose database services published on every interface (`"5432:5432"`, `0.0.0.0:…`) while their
 * password is a default, empty or turned off. The fix binds the port to 127.0.0.1.
 */
export const composeExposedDatabase: Detector = {
  name: 'compose-exposed-database',
  run(doc) {
    if (!/\bservices\s*:/.test(doc.text) || !/\bports\s*:/.test(doc.text)) return [];
    const parsed = parseDocument(doc.text, { keepSourceTokens: false, uniqueKeys: false });
    if (parsed.errors.length) return [];
    const services = parsed.get('services', true);
    if (!isMap(services)) return [];
    const hits: DetectorHit[] = [];
    for (const pair of services.items as Pair<Node, Node>[]) {
      const svc = pair.value;
      if (!isMap(svc)) continue;
      const image = String((svc.get('image') as unknown) ?? '');
      if (!DATABASE_IMAGE.test(image)) continue;
      const weak = weakPassword(svc.get('environment', true) as Node | undefined);
      if (!weak) continue;
      const ports = svc.get('ports', true);
      if (!isSeq(ports)) continue;
      for (const p of ports.items as Node[]) {
        if (!isScalar(p) || !p.range) continue;
        const spec = String(p.value);
        if (!/^(?:0\.0\.0\.0:)?\d+(?:-\d+)?:\d+(?:\/tcp)?$|^\d+$/.test(spec)) continue;
        const [start, end] = [p.range[0], p.range[1]];
        const quoted = /^["']/.test(doc.text.slice(start, end));
        const at = start + (quoted ? 1 : 0);
        const host = spec.startsWith('0.0.0.0:') ? 8 : 0;
        hits.push({
          start,
          end,
          params: { service: String(pair.key), image: image.split(':')[0], password: weak },
          fix: /^\d+$/.test(spec) ? undefined : { description: 'Publish the port on 127.0.0.1 only', edits: [{ start: at, end: at + host, newText: '127.0.0.1:' }] },
        });
      }
    }
    return hits;
  },
};

function weakPassword(env: Node | undefined): string | undefined {
  const entries: Array<[string, string]> = [];
  if (isMap(env)) for (const p of env.items as Pair<Node, Node>[]) entries.push([String(isScalar(p.key) ? p.key.value : p.key), isScalar(p.value) ? String(p.value.value ?? '') : '']);
  if (isSeq(env)) for (const item of env.items as Node[]) if (isScalar(item)) {
    const [k, ...v] = String(item.value).split('=');
    entries.push([k, v.join('=')]);
  }
  for (const [k, v] of entries) {
    if (NO_PASSWORD.test(k) && (k !== 'POSTGRES_HOST_AUTH_METHOD' ? /^(?:yes|true|1)$/i.test(v) : v === 'trust')) return 'no password';
    if (PASSWORD_VAR.test(k) && DEFAULT_PASSWORD.test(v)) return 'a default password';
  }
  return undefined;
}
