import { contextWords } from '../identifiers/recognize';
import { fieldKind } from '../people/fields';

/**
 * What names say about the values they hold: `patient`, `dossier`, `nhsNumber`, `labResults` carry health
 * data; `patientId`, `patientCount`, `hashedSsn`, `isPatient` do not.
 */

/** Single words (after camelCase/snake_case splitting, lower case, no accents) that denote health data. */
const HEALTH_WORDS = new Set([
  'patient', 'patients', 'patiente', 'paciente', 'pacientes', 'paziente', 'pazienti', 'patienten', 'dossier', 'dossiers',
  'ssn', 'ssns', 'nir', 'insee', 'nhs', 'bsn', 'mrn', 'mrns', 'mbi', 'hicn', 'kvnr', 'ohip', 'phn', 'personnummer', 'aadhaar',
  'codicefiscale', 'rijksregisternummer', 'niss', 'versichertennummer', 'dob', 'birthdate', 'dateofbirth',
  'diagnosis', 'diagnoses', 'diagnose', 'diagnosen', 'medication', 'medications', 'medicament',
  'medicaments', 'prescription', 'prescriptions', 'ordonnance', 'ordonnances', 'allergy', 'allergies', 'allergie',
  'labresult', 'labresults', 'insurance', 'mutuelle', 'versicherte', 'versicherter', 'ehr', 'emr', 'phi',
  'observation', 'observations', 'encounter', 'encounters', 'immunization', 'immunizations', 'vaccination', 'vaccinations',
  'symptom', 'symptoms', 'treatment', 'treatments', 'medical', 'clinical', 'anamnesis', 'antecedents', 'befund', 'befunde',
  'krankenakte', 'comorbidities', 'icd10', 'vitals',
]);

/** Word sequences that denote health data only together. */
const HEALTH_PHRASES = [
  'lab result', 'lab results', 'social security', 'date of birth', 'birth date', 'health record', 'health records',
  'medical record', 'carte vitale', 'numero secu', 'securite sociale', 'codice fiscale', 'date naissance',
  'health insurance', 'care plan', 'blood type', 'blood pressure', 'heart rate', 'test result', 'test results',
  'diagnostic report', 'diagnostic reports',
  // a message or a dataset of a health standard, not the standard (`hl7Message`, `rawHl7Data`; not `hl7Source`)
  'hl7 message', 'hl7 messages', 'hl7 msg', 'hl7 data', 'hl7 text', 'hl7 string', 'hl7 payload', 'hl7 content',
  'hl7 body', 'hl7 segment', 'hl7 segments', 'dicom dataset', 'dicom data', 'dicom header', 'dicom headers',
];

/**
 * Words that mean something technical in code whatever the field-name tables say: `exception.Diagnostics`,
 * `DiagnosticSource` are telemetry (the clinical plural is "diagnoses").
 */
const TECHNICAL_WORDS = new Set(['diagnostic', 'diagnostics']);

/** A name made only of this word is an identifier too short to count inside longer names (`ins` vs `instance`). */
const WHOLE_NAME_ONLY = new Set(['ins', 'nss', 'dx']);

/** Last words of a name that hold something about the data, not the data: ids, counts, handles, plumbing. */
const OPAQUE_LAST = new Set([
  'id', 'ids', 'uuid', 'uuids', 'guid', 'key', 'keys', 'hash', 'hmac', 'digest', 'token', 'tokens', 'ref', 'refs', 'count',
  'counts', 'total', 'length', 'size', 'index', 'idx', 'url', 'urls', 'uri', 'path', 'paths', 'route', 'routes', 'service',
  'services', 'repo', 'repository', 'controller', 'client', 'api', 'schema', 'type', 'types', 'status', 'page', 'pages',
  'limit', 'offset', 'cursor', 'router', 'model', 'component', 'module', 'handler', 'endpoint', 'query', 'queries', 'table',
  'collection', 'store', 'dao', 'mapper', 'validator', 'factory', 'provider', 'resolver', 'view', 'screen', 'label',
  'title', 'template', 'version', 'loading', 'error', 'errors', 'event', 'events', 'field', 'fields', 'column', 'columns',
  'system', 'config', 'settings', 'options', 'enabled', 'mode', 'format', 'filename', 'dir', 'folder',
  'file', 'topic', 'queue', 'channel', 'reference', 'link', 'exists', 'changed', 'updated', 'created', 'at',
  'timestamp', 'seq', 'no', 'tag', 'tags', 'prefix', 'suffix', 'len', 'datatype', 'class', 'classes', 'kind', 'kinds',
  'state', 'states', 'multiplier', 'factor', 'ratio', 'percent', 'percentage', 'precision', 'level', 'flag', 'flags',
  'port', 'host', 'hostname', 'server', 'timeout', 'encoding', 'charset', 'delimiter', 'separator',
]);

/** First words of names that are booleans or numbers about the data. */
const OPAQUE_FIRST = new Set(['is', 'has', 'should', 'can', 'num', 'n', 'count', 'total', 'max', 'min', 'nb']);

/** Words saying the value was protected or reduced before it got here. */
const PROTECTED = /^(?:hash|hashed|hmac|hmaced|digest|masked|mask|redacted|redact|anonymi[sz]ed|anonymous|anon|pseudonymi[sz]ed|pseudonym|pseudo|encrypted|encrypt|cipher|ciphertext|sealed|tokeni[sz]ed|obfuscated|sanitized|sanitised|safe|scrubbed|deidentified|deid|summary|stats|last4|initials)$/;

function wordsOf(name: string): string[] {
  return contextWords(name.replace(/^[$@]+/, '')).trim().split(' ').filter(Boolean);
}

/** Whether a name holds something about health data rather than the data: an id, a count, a hash, a flag. */
export function isOpaqueName(name: string): boolean {
  const words = wordsOf(name);
  if (!words.length) return false;
  if (words.some((w) => PROTECTED.test(w))) return true;
  const last = words[words.length - 1];
  if (OPAQUE_LAST.has(last) && !(last === 'no' && words.length > 1 && HEALTH_WORDS.has(words[words.length - 2]))) return true;
  return words.length > 1 && OPAQUE_FIRST.has(words[0]);
}

/** The health-data word a name is built on (`nhs`, `lab result`, `patient`), or undefined. */
export function healthWordOf(name: string): string | undefined {
  if (isOpaqueName(name)) return undefined;
  const words = wordsOf(name);
  if (!words.length) return undefined;
  if (words.length === 1 && WHOLE_NAME_ONLY.has(words[0])) return words[0];
  const hit = words.find((w) => HEALTH_WORDS.has(w));
  if (hit) return hit;
  const text = ` ${words.join(' ')} `;
  const phrase = HEALTH_PHRASES.find((p) => text.includes(` ${p} `));
  if (phrase) return phrase;
  if (words.some((w) => TECHNICAL_WORDS.has(w))) return undefined;
  const kind = fieldKind(name);
  return kind === 'birth-date' || kind === 'diagnosis' ? kind : undefined;
}

/** FHIR resource types whose instances are about one patient's health. */
export const HEALTH_RESOURCE_TYPES = new Set([
  'Patient', 'Observation', 'Condition', 'MedicationRequest', 'MedicationStatement', 'MedicationAdministration',
  'MedicationDispense', 'AllergyIntolerance', 'Procedure', 'DiagnosticReport', 'Encounter', 'Immunization', 'CarePlan',
  'Claim', 'ClaimResponse', 'Coverage', 'ExplanationOfBenefit', 'DocumentReference', 'QuestionnaireResponse',
  'FamilyMemberHistory', 'RelatedPerson', 'Specimen', 'ImagingStudy', 'EpisodeOfCare', 'ServiceRequest', 'Composition',
  'Person', 'DeviceRequest', 'NutritionOrder', 'ClinicalImpression', 'RiskAssessment', 'Consent', 'Bundle',
]);

const RESOURCE_TYPE_NAME = new RegExp(`\\b(?:${[...HEALTH_RESOURCE_TYPES].join('|')})\\b`);

/** The FHIR resource type a declared type names (`Patient`, `*Patient`, `List<Observation>`, `Bundle?`). */
export function declaredResourceType(typeText: string): string | undefined {
  return RESOURCE_TYPE_NAME.exec(typeText)?.[0];
}

const RESOURCE_IN_TEXT = new RegExp(`(?:^|[/'"\`\\s])(${[...HEALTH_RESOURCE_TYPES].filter((t) => t !== 'Bundle' && t !== 'Person').join('|')})(?=$|[/?'"\`\\s]|\\$)`);

/** A FHIR REST path or type name in literal text: `Patient/123`, `/Observation?subject=`, `'Condition'`. */
export function resourceTypeInText(text: string): string | undefined {
  return RESOURCE_IN_TEXT.exec(text)?.[1];
}

/** Calls whose result no longer carries the data in the clear. */
export const SANITIZER = /(?:encrypt|cipher|seal|hash|hmac|digest|sha\d|md5|mask|redact|anonymi[sz]|pseudonymi[sz]|tokeni[sz]|obfuscat|scrub|deidentif|sanitiz|sanitis|kms|vault|protect)/i;

/** Encodings and conversions that keep the data readable, whatever their names say. */
export const PASSTHROUGH = /^(?:encodeURIComponent|encodeURI|escape|stringify|String|toString|toJSON|btoa|from|format|inspect|serialize|dump|dumps)$/;

/** Verbs, prepositions and string operations in accessor and conversion names: `getValue`, `toJson`, `strip`. */
const ACCESSOR_WORDS = new Set([
  'get', 'find', 'fetch', 'load', 'read', 'lookup', 'look', 'up', 'query', 'select', 'retrieve', 'to', 'as', 'of', 'from',
  'with', 'build', 'create', 'make', 'new', 'parse', 'format', 'convert', 'serialize', 'serialise', 'deserialize', 'write',
  'marshal', 'unmarshal', 'encode', 'decode', 'dump', 'dumps', 'print', 'copy', 'clone', 'wrap', 'unwrap', 'or', 'else',
  'throw', 'default', 'require', 'non', 'null', 'filter', 'map', 'flat', 'sorted', 'sort', 'collect', 'reduce', 'distinct',
  'limit', 'skip', 'join', 'concat', 'append', 'add', 'put', 'pop', 'peek', 'take', 'head', 'tail', 'single', 'only',
  'one', 'await', 'then', 'sprintf', 'sprint', 'printf', 'r', 'export', 'var', 'inspect', 'repr', 'str', 's', 'a', 'h',
  'split', 'strip', 'trim', 'lower', 'upper', 'capitalize', 'replace', 'substring', 'substr', 'slice', 'sub', 'fmt',
  'pretty', 'safe', 'unsafe', 'raw', 'key', 'sym', 'fetchall', 'fetchone', 'fetchmany', 'where', 'order', 'in',
  'latest', 'oldest', 'paginate',
]);

/** Nouns of a whole payload or a part of it that is still the payload: the body of a response, a row, its value. */
const CARRIER_WORDS = new Set([
  'value', 'values', 'data', 'text', 'body', 'content', 'contents', 'payload', 'result', 'results', 'response', 'resource',
  'resources', 'entry', 'entries', 'item', 'items', 'element', 'elements', 'first', 'last', 'next', 'all', 'list', 'array',
  'string', 'json', 'xml', 'yaml', 'csv', 'tsv', 'dict', 'object', 'obj', 'record', 'records', 'row', 'rows', 'dto',
  'entity', 'entities', 'message', 'line', 'lines', 'bytes', 'buffer', 'stream', 'iterator', 'set', 'document', 'doc',
  'node', 'segment', 'segments', 'field', 'fields', 'details', 'info', 'summary', 'display', 'description', 'bundle',
  'pair', 'pairs', 'tuple', 'output', 'report', 'export', 'row', 'dataset', 'datasets', 'objects',
]);

/** First words of calls that look something else up from their arguments: `getConcept(code)`, `isValid(ssn)`. */
const LOOKUP_VERBS = new Set([
  'get', 'find', 'fetch', 'load', 'lookup', 'look', 'resolve', 'retrieve', 'query', 'search', 'select', 'count', 'compute',
  'calculate', 'check', 'validate', 'verify', 'is', 'has', 'can', 'should', 'exists', 'contains', 'matches', 'equals', 'compare',
]);

/** Whether the words of a name, less its verbs, still name the payload or a person's field of it. */
function namesPayload(words: string[]): boolean {
  const nouns = words.filter((w) => !ACCESSOR_WORDS.has(w) && !LOOKUP_VERBS.has(w));
  if (!nouns.length || nouns.every((w) => CARRIER_WORDS.has(w))) return true;
  // `givenName`, `getNames`, `addresses`: the whole noun is a person's field (`conceptName` is not).
  const noun = nouns.join('');
  return [noun, noun.replace(/s$/, ''), noun.replace(/es$/, '')].some((n) => fieldKind(n) !== undefined);
}

/**
 * Whether what a property or method called `name` gives back from its object still carries the object's data:
 * the payload itself (`getValue`, `toJson`, `data`, `get`, `findFirst`, `strip`) or a person's field of it
 * (`getGivenName`, `address`), rather than some other thing it leads to (`getCurrentState`, `getConcept`,
 * `getDegreeOfPrecision`), which only a name of its own could make health data (`healthWordOf`).
 */
export function carriesData(name: string | undefined): boolean {
  if (name === undefined || PASSTHROUGH.test(name)) return true;
  return namesPayload(wordsOf(name));
}

/**
 * Whether a call's result carries its arguments' data: conversions, formatting and helpers do (`toCsv(rows)`,
 * `split(x)`, `fmt(label)`); a call that looks another thing up from them does not (`getConcept(code)`,
 * `isValid(ssn)`).
 */
export function carriesArguments(name: string | undefined): boolean {
  if (name === undefined || PASSTHROUGH.test(name)) return true;
  const words = wordsOf(name);
  return !words.length || !LOOKUP_VERBS.has(words[0]) || namesPayload(words);
}

/** Last words of names for a number, a flag, a kind or an error, which no value given to them makes a record. */
const METADATA_LAST = new Set([
  'id', 'ids', 'err', 'uuid', 'uuids', 'guid', 'count', 'counts', 'total', 'length', 'size', 'index', 'idx', 'seq', 'len', 'key',
  'keys', 'hash', 'hmac', 'digest', 'token', 'tokens', 'ref', 'refs', 'type', 'types', 'status', 'version', 'timestamp',
  'exists', 'enabled', 'mode', 'format', 'datatype', 'class', 'kind', 'state', 'states', 'multiplier', 'factor', 'ratio',
  'percent', 'percentage', 'precision', 'level', 'flag', 'flags',
]);

/** A name for something about data (an id, a count, a flag), whatever value it is given: `patientId`, `numObr`. */
export function namesMetadata(name: string): boolean {
  const words = wordsOf(name);
  if (!words.length) return false;
  return METADATA_LAST.has(words[words.length - 1]) || (words.length > 1 && OPAQUE_FIRST.has(words[0]));
}

/** Words of type names that say nothing of what they hold: strings, containers, JSON trees, wrappers. */
const GENERIC_TYPE_WORDS = new Set([
  'string', 'str', 'object', 'obj', 'any', 'var', 'let', 'val', 'dynamic', 'auto', 'map', 'hash', 'hashmap', 'tree',
  'treemap', 'linked', 'list', 'arraylist', 'array', 'dictionary', 'dict', 'collection', 'iterable', 'enumerable',
  'i', 'set', 'optional', 'nullable', 'task', 'future', 'promise', 'observable', 'flux', 'mono', 'stream', 'builder',
  'char', 'sequence', 'seq', 'vec', 'slice', 'interface', 'json', 'jobject', 'jtoken', 'jarray', 'node', 'element',
  'byte', 'bytes', 'buffer', 'tuple', 'pair', 'key', 'value', 't', 'e', 'k', 'v', 'mutable', 'immutable', 'read',
  'only', 'readonly', 'concurrent', 'sorted', 'entry', 'record', 'row', 'data', 'text', 'content', 'response', 'result',
  'message', 'body', 'payload', 'document', 'model', 'dto', 'entity', 'item', 'items', 'context', 'action', 'func',
  'unknown', 'mixed', 'array', 'hashtable', 'named', 'expando', 'case', 'insensitive', 'http', 'api', 'ok', 'simple',
]);

/**
 * Whether a declared type names a class of its own that is not about health (`Concept`, `CWE`, `Location`,
 * `ProgramWorkflowState`): a variable of that type holds such an object, whatever it was computed from. Generic
 * types (`String`, `Map<…>`, `JsonNode`, `var`) leave the question to the value, and health types
 * (`PatientProgram`, `PersonName`, `LabResult`) carry.
 */
export function isUnrelatedType(typeText: string): boolean {
  const outer = typeText.replace(/<[\s\S]*$|\[[\s\S]*$|[?*&!]+/g, '').trim();
  const name = outer.slice(outer.lastIndexOf('.') + 1).replace(/^(?:const|final|readonly|mut|ref|out|in)\s+/, '');
  if (!/^[A-Za-z_]\w*$/.test(name)) return false;
  const words = wordsOf(name);
  if (!words.length || words.some((w) => GENERIC_TYPE_WORDS.has(w) || CARRIER_WORDS.has(w))) return false;
  return !healthWordOf(name) && !fieldKind(name) && !declaredResourceType(name) && !/person|people|member|client|subscriber|beneficiar|insured/i.test(name);
}

/** Declarations of counts and flags in a file: `int count`, `public bool Done { get; }`, `val n: Int`, `n int`. */
const SCALAR_DECLARATION =
  /\b(?:int|long|short|byte|bool|boolean|Integer|Long|Short|Boolean|uint|ulong|ushort|u?int(?:8|16|32|64)|usize|isize)\??\s+([A-Za-z_]\w*)\b|\b([A-Za-z_]\w*)\s*:\s*(?:Int|Long|Short|Byte|Boolean|Bool|UInt|ULong|int|bool)\b/g;

/** Names declared in a file as numbers or flags (members included), which hold no record wherever they are read. */
export function scalarNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(SCALAR_DECLARATION)) out.add(m[1] ?? m[2]);
  return out;
}

/** Methods whose result says something about a value without carrying it. */
export const OPAQUE_METHODS = /^(?:length|size|count|id|getId|has|includes|indexOf|some|every|isValid|then|catch|finally)$/;

/**
 * A cheap test that a text may hold a name of health data, before any parsing: built from the same word lists
 * and resource types that decide (so the two cannot drift apart), matched inside longer names (`userNir`,
 * `bloodPressure`); the names only whole (`ins`, `dx`) with word boundaries.
 */
export const HEALTH_HINT = new RegExp(
  [
    ...[...HEALTH_WORDS].filter((w) => !WHOLE_NAME_ONLY.has(w)),
    ...HEALTH_PHRASES.map((p) => p.split(' ').join('[\\W_]?')),
    ...HEALTH_RESOURCE_TYPES,
    ...[...WHOLE_NAME_ONLY].map((w) => `\\b${w}\\b`),
    // fieldKind()'s birth-date and diagnosis names not among the words above.
    'birth', 'naissance', 'geburt', 'geboorte', 'nacimiento', 'nascita', 'fodelse', 'diagnos', 'icd',
  ].join('|'),
  'i',
);
