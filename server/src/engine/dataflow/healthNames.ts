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
  'diagnosis', 'diagnoses', 'diagnostic', 'diagnostics', 'diagnose', 'diagnosen', 'medication', 'medications', 'medicament',
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
];

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
  'file', 'topic', 'queue', 'channel', 'reference', 'link', 'exists', 'changed', 'updated', 'created',
  'timestamp', 'seq', 'no', 'tag', 'tags', 'prefix', 'suffix', 'len',
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
