import { isMap, isScalar, isSeq, parseAllDocuments, visit, type Node, type Pair, type Scalar } from 'yaml';
import type { Detector, DetectorHit } from './detector';

const PASSWORD_KEY = /passw(?:or)?d|_pwd\b/i;
/** Keys that name a password's file, policy, reference or page rather than the password. */
const NOT_A_PASSWORD = /(?:^|[_.-])(?:file|path|policy|length|min|max|expiry|age|ref|url|uri|reset|hint|rules?|secret|key|name|enabled|required|hash)(?:$|[_.-])/i;
/** Values that are not a literal password: empty, templates, variable references, placeholders, paths. */
const PLACEHOLDER = /^(?:|\$\{.*\}|\$\(.*\)|\{\{.*\}\}|<.*>|(?:CHANGE|REPLACE)_?ME|xxx+|\*+|\/.*)$/i;
const WORKLOADS = /^(?:Deployment|StatefulSet|DaemonSet|ReplicaSet|Pod|Job|CronJob)$/;
/** `spring.datasource.password=…` or `password: …` inside a ConfigMap's embedded file. */
const EMBEDDED = /^[ \t]*(?<key>[\w.-]*(?:passw(?:or)?d|_pwd)[\w.-]*)[ \t]*[=:][ \t]*["']?(?<value>[^\s"'#]+)/gim;

type Text = [number, number];

/**
 * Literal passwords in Kubernetes manifests: `Secret` `data` (base64) and `stringData`, `ConfigMap` `data`
 * (including files embedded in it), and container `env` entries of workloads. Placeholders, `valueFrom` and
 * template expressions are not literal; the value is marked sensitive so it is masked everywhere.
 */
export const kubernetesPlaintextPassword: Detector = {
  name: 'kubernetes-plaintext-password',
  run(doc) {
    if (!/^kind:/m.test(doc.text) || !PASSWORD_KEY.test(doc.text)) return [];
    const hits: DetectorHit[] = [];
    const report = (key: string, from: number, value: Text) => hits.push({ start: from, end: value[1], params: { key }, sensitive: [value] });

    for (const manifest of parseAllDocuments(doc.text)) {
      if (!('errors' in manifest) || manifest.errors.length || !isMap(manifest.contents)) continue;
      const kind = String(manifest.get('kind') ?? '');
      if (kind === 'Secret' || kind === 'ConfigMap') {
        for (const section of kind === 'Secret' ? ['data', 'stringData'] : ['data']) {
          const map = manifest.get(section, true);
          if (!isMap(map)) continue;
          const base64 = kind === 'Secret' && section === 'data';
          for (const pair of map.items as Pair<Node, Node>[]) {
            const key = isScalar(pair.key) ? String(pair.key.value) : '';
            const value = pair.value;
            if (!isScalar(value) || !value.range || !pair.key?.range) continue;
            if (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED') {
              if (kind === 'ConfigMap') embedded(doc.text, value.range[0], value.range[1], report);
              continue;
            }
            if (!PASSWORD_KEY.test(key) || NOT_A_PASSWORD.test(key)) continue;
            const literal = String(value.value ?? '');
            if (PLACEHOLDER.test((base64 ? decoded(literal) : literal).trim())) continue;
            report(key, pair.key.range[0], inner(doc.text, value));
          }
        }
      } else if (WORKLOADS.test(kind)) {
        visit(manifest, {
          Pair(_, pair) {
            if (!isScalar(pair.key) || pair.key.value !== 'env' || !isSeq(pair.value)) return;
            for (const item of pair.value.items) {
              if (!isMap(item)) continue;
              const name = String(item.get('name') ?? '');
              const valuePair = (item.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === 'value');
              const value = valuePair?.value;
              if (!PASSWORD_KEY.test(name) || NOT_A_PASSWORD.test(name) || !isScalar(value) || !value.range || !valuePair?.key?.range) continue;
              if (PLACEHOLDER.test(String(value.value ?? '').trim())) continue;
              report(name, valuePair.key.range[0], inner(doc.text, value));
            }
          },
        });
      }
    }
    return hits;
  },
};

/** The scalar's text without its quotes. */
function inner(text: string, value: Scalar): Text {
  const [start, end] = value.range!;
  const quoted = /^["']/.test(text[start]);
  return quoted ? [start + 1, end - 1] : [start, end];
}

function decoded(base64: string): string {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(base64) ? Buffer.from(base64, 'base64').toString('utf8') : base64;
}

function embedded(text: string, from: number, to: number, report: (key: string, from: number, value: Text) => void): void {
  const block = text.slice(from, to);
  for (const m of block.matchAll(EMBEDDED)) {
    const { key, value } = m.groups!;
    if (NOT_A_PASSWORD.test(key) || PLACEHOLDER.test(value)) continue;
    const keyAt = from + m.index! + m[0].indexOf(key);
    const valueAt = from + m.index! + m[0].lastIndexOf(value);
    report(key, keyAt, [valueAt, valueAt + value.length]);
  }
}
