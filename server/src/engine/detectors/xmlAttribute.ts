import { parseXml, type XmlElement } from '../formats/xmlTree';
import { objectList, type Detector, type DetectorHit } from './detector';

/** One setting to check: an attribute of an element set to a bad value. */
interface AttributeCheck {
  /** Local name of the element (`application`, `httpCookies`). */
  element: string;
  /** Local name of its parent, when the element name alone is ambiguous (`forms` inside `authentication`). */
  parent?: string;
  /** Local name of the attribute (`allowBackup`, `requireSSL`). */
  attribute: string;
  /** The bad values, compared case-insensitively. */
  bad: string[];
  /** The value the quick fix writes. */
  fix?: string;
  /** Attributes of the same element whose presence makes the bad value acceptable. */
  unlessAttributes?: string[];
  /** What the bad value does, for the message's `{problem}`. */
  problem?: string;
  /**
   * An element without the attribute takes the platform's default, a bad value: it is reported when the file
   * matches this regex, or each of these (`allowBackup` left out of an app's manifest that names health data).
   */
  absentWhen?: string | string[];
  /** What the default is, for the message's `{setting}` when the attribute is left out. */
  absentSetting?: string;
}

/** Every element below `el` (depth first) with its parent. */
function* withParents(el: XmlElement, parent?: XmlElement): Generator<[XmlElement, XmlElement | undefined]> {
  yield [el, parent];
  for (const c of el.children) yield* withParents(c, el);
}

/**
 * Attributes of XML configuration (Android manifests, web.config) set to an insecure value, read with the XML
 * parser so comments, other elements and look-alike text stay silent. Options: `checks`, a list of
 * `{ element, parent?, attribute, bad, fix?, unlessAttributes?, problem?, absentWhen?, absentSetting? }`;
 * `{setting}` (as written, or `absentSetting` when left out) and `{problem}` are given to the message.
 */
export const xmlAttribute: Detector = {
  name: 'xml-attribute',
  run(doc, options) {
    const checks = objectList<AttributeCheck>(options, 'checks', ['element', 'attribute', 'bad']);
    const absent = checks.filter((c) => c.absentWhen !== undefined && [c.absentWhen].flat().every((re) => new RegExp(re, 'i').test(doc.text)));
    if (!checks.length || !checks.some((c) => doc.text.includes(c.attribute) || absent.includes(c))) return [];
    const root = parseXml(doc.text);
    if (!root) return [];
    const hits: DetectorHit[] = [];
    for (const [el, parent] of withParents(root)) {
      for (const check of checks) {
        if (el.local !== check.element || (check.parent && parent?.local !== check.parent)) continue;
        const value = el.attributes.get(check.attribute);
        if (check.unlessAttributes?.some((a) => el.attributes.has(a))) continue;
        if (!value) {
          if (absent.includes(check)) hits.push(absentHit(doc.text, el, check));
          continue;
        }
        if (!check.bad.some((b) => b.toLowerCase() === value.text.trim().toLowerCase())) continue;
        const name = /([\w.:-]+)\s*=\s*["']$/.exec(doc.text.slice(Math.max(0, value.start - 200), value.start));
        const start = name ? value.start - name[0].length : value.start;
        hits.push({
          start,
          end: value.end + 1,
          params: { setting: `${name?.[1] ?? check.attribute}="${value.text}"`, problem: check.problem ?? '' },
          fix: check.fix === undefined ? undefined : { description: `Set ${check.attribute} to "${check.fix}"`, edits: [{ start: value.start, end: value.end, newText: check.fix }] },
        });
      }
    }
    return hits;
  },
};

/** An element that leaves the attribute out: the finding is on its name, the fix writes the attribute. */
function absentHit(text: string, el: XmlElement, check: AttributeCheck): DetectorHit {
  const name = /^<\s*([\w.:-]+)/.exec(text.slice(el.start, el.end));
  const nameEnd = el.start + (name ? name[0].length : 1);
  const prefix = /\bxmlns:([\w-]+)\s*=\s*["']http:\/\/schemas\.android\.com\/apk\/res\/android["']/.exec(text)?.[1];
  const attribute = prefix ? `${prefix}:${check.attribute}` : check.attribute;
  return {
    start: el.start,
    end: nameEnd,
    params: { setting: check.absentSetting ?? `${check.attribute} left out`, problem: check.problem ?? '' },
    fix: check.fix === undefined ? undefined : { description: `Set ${check.attribute} to "${check.fix}"`, edits: [{ start: nameEnd, end: nameEnd, newText: ` ${attribute}="${check.fix}"` }] },
  };
}
