import type { SourceDocument } from '../document';
import { PERSON_KEY_HINT } from '../people/fields';
import { lineRecords } from '../people/freeText';
import { candidateRecords } from '../people/keyValues';
import { judgeRecord, type PersonVerdict } from '../people/record';
import { syntheticReplacement } from '../synthetic/replacement';
import type { Detector, DetectorContext, DetectorHit } from './detector';

/** Files about the people who make software (authors, maintainers), never about patients. */
const PROJECT_METADATA = /^(?:package\.json|composer\.json|citation\.cff|authors(?:\.\w+)?|contributors(?:\.\w+)?|\.all-contributorsrc|\.mailmap|codeowners|pom\.xml|.*\.gemspec)$/i;
/** Tables and CSV belong to the tabular detector. */
const TABULAR_LANGUAGES = new Set(['csv']);

/**
 * `patient.person-record`: a real-looking name with a birth date, a validated identifier, an address, a
 * phone, an email or a diagnosis in one record (object literal, dict, constructor call, YAML/JSON entry,
 * log line). One hit per record, at the name; every value of the record is sensitive.
 */
export const personRecord: Detector = {
  name: 'person-record',
  run(doc: SourceDocument, _options: Record<string, unknown>, context: DetectorContext): DetectorHit[] {
    if (TABULAR_LANGUAGES.has(doc.language.id) || PROJECT_METADATA.test(doc.baseName)) return [];
    const hits: DetectorHit[] = [];
    const taken: Array<[number, number]> = [];
    const overlaps = (s: number, e: number) => taken.some(([ts, te]) => s < te && ts < e);
    const sets = context.settings.identifierSets;
    if (PERSON_KEY_HINT.test(doc.text)) {
      for (const candidate of candidateRecords(doc, context.prefilter !== false)) {
        const verdict = judgeRecord(candidate.fields, { context: candidate.context, sets });
        if (!verdict || overlaps(verdict.name[0].start, verdict.name[verdict.name.length - 1].end)) continue;
        const hit = toHit(doc, verdict, context);
        if (hit) hits.push(hit);
        taken.push([verdict.name[0].start, verdict.name[verdict.name.length - 1].end]);
      }
    }
    // Notebook outputs are the notebook-output rule's; their free text would only repeat its findings.
    for (const line of doc.language.id === 'ipynb' ? [] : lineRecords(doc, sets)) {
      const verdict = judgeRecord([line.name, ...line.companions], { strictName: true, context: doc.index.lineText(doc.index.lineIndexAt(line.name.start)), sets });
      if (!verdict || overlaps(line.name.start, line.name.end)) continue;
      const hit = toHit(doc, verdict, context);
      if (hit) hits.push(hit);
      taken.push([line.name.start, line.name.end]);
    }
    return hits;
  },
};

/** The hit for a judged record, or nothing when it is synthetic and synthetic data is ignored. */
export function toHit(doc: SourceDocument, verdict: PersonVerdict, context: DetectorContext): DetectorHit | undefined {
  const mode = context.settings.syntheticData;
  if (verdict.synthetic && mode === 'ignore') return undefined;
  const name = verdict.name[0];
  const fields = [...verdict.name, ...verdict.companions.map((c) => c.field)];
  const described = verdict.companions.map((c) => (/^(?:argument \d+|identifier|date of birth)$/.test(c.field.key) ? c.label : `${c.label} (${c.field.key})`));
  const hit: DetectorHit = {
    start: name.start,
    end: name.end,
    params: { fields: [...new Set(described)].join(', ') },
    sensitive: fields.map((f) => [f.start, f.end]),
    // The whole record, so that the identifier rules it supersedes stay silent inside it.
    match: [Math.min(...fields.map((f) => f.start)), Math.max(...fields.map((f) => f.end))],
    fix: {
      description: 'Replace with a synthetic value',
      edits: [{ start: name.start, end: name.end, newText: syntheticReplacement(verdict.nameKind, name.value) }],
    },
    strong: !verdict.synthetic && verdict.companions.some((c) => c.checked),
    related: fields.slice(1).map((f) => ({
      file: doc.file,
      range: doc.index.rangeOf(f.start, f.end),
      message: verdict.name.includes(f) ? 'name' : verdict.companions.find((c) => c.field === f)!.label,
    })),
  };
  if (verdict.synthetic && mode === 'info') {
    hit.severity = 'info';
    hit.note = 'synthetic test value';
  }
  return hit;
}
