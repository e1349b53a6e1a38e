import { elements, parseXml, textOf, type XmlElement } from '../formats/xmlTree';
import { objectList, type Detector, type DetectorHit } from './detector';

/** One plist entry to check: a key whose value is bad. */
interface PlistCheck {
  key: string;
  /** The bad values: a `<string>`'s text, or `true`/`false` for booleans. */
  bad: string[];
  /** The value the quick fix writes (string values only). */
  fix?: string;
}

/** The `<key>`/value pairs of a `<dict>`, the value element following its key. */
function* entries(dict: XmlElement): Generator<[string, XmlElement]> {
  const kids = dict.children;
  for (let i = 0; i + 1 < kids.length; i++) {
    if (kids[i].local !== 'key') continue;
    const key = textOf(kids[i])?.text;
    if (key !== undefined) yield [key, kids[i + 1]];
  }
}

/**
 * Property-list entries (Info.plist, entitlements) set to an insecure value, read with the XML parser so comments
 * and the same words elsewhere stay silent. Options: `checks`, a list of `{ key, bad, fix? }`; `{key}` and
 * `{value}` are given to the message.
 */
export const plistValue: Detector = {
  name: 'plist-value',
  run(doc, options) {
    const checks = objectList<PlistCheck>(options, 'checks', ['key', 'bad']);
    if (!checks.length || !checks.some((c) => doc.text.includes(c.key))) return [];
    const root = parseXml(doc.text);
    if (!root) return [];
    const hits: DetectorHit[] = [];
    for (const dict of elements(root)) {
      if (dict.local !== 'dict') continue;
      for (const [key, value] of entries(dict)) {
        const check = checks.find((c) => c.key === key);
        if (!check) continue;
        const text = value.local === 'true' || value.local === 'false' ? { text: value.local, start: value.start, end: value.end } : textOf(value);
        if (!text || !check.bad.includes(text.text)) continue;
        const isString = value.local === 'string';
        hits.push({
          start: text.start,
          end: text.end,
          params: { key, value: text.text },
          fix: check.fix !== undefined && isString ? { description: `Set ${key} to ${check.fix}`, edits: [{ start: text.start, end: text.end, newText: check.fix }] } : undefined,
        });
      }
    }
    return hits;
  },
};
