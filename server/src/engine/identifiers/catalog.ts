import type { IdentifierSet } from '../types';
import * as v from './validators';

/** Who an identifier points at: patients and persons are reported as patient data, providers at info. */
export type IdentifierKind = 'patient' | 'person' | 'provider' | 'payment';

export interface IdentifierType {
  id: string;
  label: string;
  kind: IdentifierKind;
  /** The country that issues it (`patientData.identifierSets`); payment cards are checked in every project. */
  set: IdentifierSet | 'international';
  /** Faker locale whose conventions the identifier follows (for synthetic replacements). */
  locale: string;
  /**
   * The candidate's shape in free text: a regex source without anchors, flags or capture groups. Matches are
   * taken only between non-alphanumeric boundaries.
   */
  shape: string;
  /**
   * Whether the value as written is specific enough that patient context alone makes it this identifier:
   * written in the identifier's own grouping (`123-45-6789`, `999 000 0018`), or a shape and check that are
   * rare by chance (a NIR's mod-97 key). Nine plain digits are not.
   */
  distinctive: (value: string) => boolean;
  validate: (value: string) => boolean;
  /**
   * Documented test and sample values (NHS 999 range, SSN advertising range) and the blocks this tool's
   * synthetic replacements use where no official one exists (see synthetic/replacement.ts).
   */
  isTestValue?: (value: string) => boolean;
  /** No check digit: plain digits need this identifier's own context words. */
  unchecked?: boolean;
  /** Words that name this identifier nearby (lower case, without accents). */
  context: string[];
  /** FHIR `identifier.system` values (and OIDs) that declare a value to be this identifier. */
  fhirSystems: string[];
}

/**
 * Words about a patient's health or identity. With one of them near, a value counts only when written in
 * its identifier's own grouping (`999 000 0018`, `123-45-6789`) or when its shape and check are specific
 * on their own (a NIR, a codice fiscale): nine plain digits beside "patient" are still most likely a
 * record number.
 */
export const PATIENT_CONTEXT = [
  'patient', 'patients', 'patiente', 'paciente', 'paziente', 'patient id', 'patientid', 'mrn', 'medical record',
  'insured', 'insuree', 'assure', 'assuree', 'versicherter', 'versicherte', 'beneficiary', 'subscriber', 'dob',
  'date of birth', 'birth date', 'birthdate', 'naissance', 'geburtsdatum', 'nacimiento', 'nascita', 'health',
  'sante', 'gesundheit', 'salud', 'salute', 'gezondheid', 'halsa', 'hospital', 'clinic', 'admission', 'admitted',
  'discharge', 'diagnosis', 'ehr', 'emr',
];

/**
 * Words that name a national or insurance identifier without saying which: plain digits that pass some
 * type's check count here (a patient identifier preferred over a provider one).
 */
export const IDENTITY_CONTEXT = [
  'national id', 'nationalid', 'national identifier', 'national number', 'id number', 'identity number',
  'identification number', 'insurance number', 'insurance id', 'health id', 'health number', 'health card number',
  'member id', 'subscriber id', 'beneficiary id', 'social number', 'government id', 'numero assure',
  'numero identification', 'identificacion', 'codice identificativo', 'identiteitsnummer', 'ausweisnummer',
];

/**
 * Short or common words that count only as (part of) the key a value is assigned to, never as a word
 * elsewhere on the line: `sin` (a sine), `ins`, `cf`, `pan` (a camera pan), `uid` (a Unix user), `chi`, `tin`.
 */
export const LABEL_ONLY_CONTEXT = new Set([
  'sin', 'ins', 'cf', 'pan', 'uid', 'chi', 'tin', 'nas', 'nss', 'cip', 'irn', 'msp', 'dea', 'cms', 'pnr', 'rrn',
  'egk', 'gkv', 'hcn', 'phn', 'nie', 'nif', 'card', 'arzt', 'tessera', 'documento', 'identidad',
  'secu', 'vitale', 'sofi', 'billing', 'payment', 'credit', 'ontario', 'provider', 'practitioner', 'physician',
  'versicherten', 'versichert', 'krankenkasse', 'matricule', 'insee', 'member', 'registration',
]);

/**
 * Words that say a number is something else: a phone, an order, a time, a version, a code. In the key a
 * value is assigned to they veto it unless the identifier's own name is there too; elsewhere nearby they
 * veto a value that only patient context supports.
 */
export const NEGATIVE_CONTEXT = [
  'phone', 'telephone', 'tel', 'mobile', 'cell', 'fax', 'telefon', 'telefono', 'portable', 'gsm', 'call', 'contact',
  'order', 'orders', 'invoice', 'receipt', 'sku', 'tracking', 'shipment', 'transaction', 'txn', 'timestamp',
  'epoch', 'created', 'updated', 'modified', 'version', 'build', 'port', 'zip', 'postal', 'postcode', 'amount',
  'price', 'total', 'quantity', 'qty', 'lot', 'batch', 'serial', 'imei', 'iban', 'bic', 'swift', 'routing',
  'uuid', 'guid', 'hash', 'checksum', 'sha', 'md5', 'nonce', 'seed', 'isbn', 'issn', 'ean', 'upc', 'gtin', 'ndc',
  'loinc', 'snomed', 'sct', 'icd', 'cpt', 'rxnorm', 'code', 'millis', 'ms', 'ts',
];

/** Words in a value's key that say it is a made-up value (`fakeSsn`, `EXAMPLE_NHS`, `dummy_nir`). */
export const SYNTHETIC_LABEL_CONTEXT = ['fake', 'dummy', 'example', 'sample', 'synthetic', 'placeholder', 'fictitious', 'fictif', 'bogus'];

/** Documented test card numbers (card networks' and payment providers' published test PANs). */
export const TEST_CARD_NUMBERS = new Set([
  '4111111111111111', '4242424242424242', '4012888888881881', '4000056655665556', '4222222222222',
  '5555555555554444', '5105105105105100', '2223003122003222', '5200828282828210',
  '378282246310005', '371449635398431', '378734493671000',
  '6011111111111117', '6011000990139424', '30569309025904', '38520000023237', '3530111333300000',
  '3566002020360505', '6200000000000005',
]);

const has = (re: RegExp) => (s: string) => re.test(s);
const never = () => false;
const always = () => true;
const compactOf = (s: string) => s.replace(/[\s.\-/]/g, '').toUpperCase();

export const IDENTIFIER_TYPES: IdentifierType[] = [
  {
    id: 'us-ssn',
    set: 'us',
    label: 'US Social Security number',
    kind: 'person',
    locale: 'en_US',
    shape: '\\d{3}-\\d{2}-\\d{4}|\\d{3} \\d{2} \\d{4}|\\d{9}',
    distinctive: has(/^\d{3}([- ])\d{2}\1\d{4}$/),
    validate: (s) => v.isValidSsn(s) && !v.isValidItin(s),
    isTestValue: v.isSsnTestValue,
    unchecked: true,
    context: ['ssn', 'social security', 'socialsecurity', 'us ssn', 'ss num', 'tin', 'ssns'],
    fhirSystems: ['http://hl7.org/fhir/sid/us-ssn', 'urn:oid:2.16.840.1.113883.4.1'],
  },
  {
    id: 'us-itin',
    set: 'us',
    label: 'US Individual Taxpayer Identification Number',
    kind: 'person',
    locale: 'en_US',
    shape: '9\\d{2}-\\d{2}-\\d{4}|9\\d{8}',
    distinctive: has(/^\d{3}-\d{2}-\d{4}$/),
    validate: v.isValidItin,
    // The SSN advertising range 987-65-4320…4329 is ITIN-shaped too.
    isTestValue: v.isSsnTestValue,
    unchecked: true,
    // Not 'ssn': a 9XX value under an SSN key is not a valid SSN (Synthea writes its fake SSNs as 999-XX-XXXX).
    context: ['itin', 'taxpayer', 'tax id', 'tin'],
    fhirSystems: [],
  },
  {
    id: 'us-mbi',
    set: 'us',
    label: 'US Medicare Beneficiary Identifier',
    kind: 'patient',
    locale: 'en_US',
    shape: '[1-9][A-Z][A-Z0-9]\\d-?[A-Z][A-Z0-9]\\d-?[A-Z]{2}\\d{2}',
    distinctive: never,
    validate: v.isValidMbi,
    // CMS's published example MBI.
    isTestValue: (s) => compactOf(s) === '1EG4TE5MK73',
    unchecked: true,
    context: ['mbi', 'medicare', 'beneficiary', 'cms', 'medicaid', 'hicn', 'us-mbi'],
    fhirSystems: ['http://hl7.org/fhir/sid/us-mbi'],
  },
  {
    id: 'us-npi',
    set: 'us',
    label: 'US National Provider Identifier',
    kind: 'provider',
    locale: 'en_US',
    shape: '[12]\\d{9}',
    distinctive: never,
    validate: v.isValidNpi,
    context: ['npi', 'provider', 'prescriber', 'practitioner', 'physician', 'us-npi'],
    fhirSystems: ['http://hl7.org/fhir/sid/us-npi'],
  },
  {
    id: 'us-dea',
    set: 'us',
    label: 'US DEA registration number',
    kind: 'provider',
    locale: 'en_US',
    shape: '[A-Z][A-Z9]\\d{7}',
    distinctive: never,
    validate: v.isValidDea,
    context: ['dea', 'prescriber', 'controlled substance', 'registration'],
    fhirSystems: [],
  },
  {
    id: 'fr-nir',
    set: 'fr',
    label: 'French NIR / INS (numéro de sécurité sociale)',
    kind: 'patient',
    locale: 'fr',
    shape: '[1-478] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2}',
    // Sex, month and a mod-97 key: one random 15-digit number in several hundred fits.
    distinctive: always,
    validate: v.isValidNir,
    context: ['nir', 'ins', 'insee', 'secu', 'securite sociale', 'secu sociale', 'matricule', 'carte vitale', 'vitale', 'nss', 'ins nir', 'numero ins', 'numero de securite sociale', 'nia'],
    fhirSystems: ['urn:oid:1.2.250.1.213.1.4.8', 'urn:oid:1.2.250.1.213.1.4.9', 'urn:oid:1.2.250.1.213.1.4.10', 'urn:oid:1.2.250.1.213.1.4.11'],
  },
  {
    id: 'uk-nhs',
    set: 'uk',
    label: 'UK NHS number',
    kind: 'patient',
    locale: 'en_GB',
    shape: '\\d{3}[ -]\\d{3}[ -]\\d{4}|\\d{10}',
    distinctive: has(/^\d{3}([ -])\d{3}\1\d{4}$/),
    validate: v.isValidNhsNumber,
    isTestValue: v.isNhsTestValue,
    context: ['nhs', 'nhs number', 'nhsnumber', 'nhs no', 'nhsno', 'chi'],
    fhirSystems: ['https://fhir.nhs.uk/Id/nhs-number', 'http://fhir.nhs.net/Id/nhs-number'],
  },
  {
    id: 'nl-bsn',
    set: 'nl',
    label: 'Dutch BSN (burgerservicenummer)',
    kind: 'patient',
    locale: 'nl',
    shape: '\\d{4}\\.\\d{2}\\.\\d{3}|\\d{9}',
    distinctive: has(/^\d{4}\.\d{2}\.\d{3}$/),
    validate: v.isValidBsn,
    context: ['bsn', 'burgerservicenummer', 'sofinummer', 'sofi'],
    fhirSystems: ['http://fhir.nl/fhir/NamingSystem/bsn'],
  },
  {
    id: 'be-national-number',
    set: 'be',
    label: 'Belgian national number',
    kind: 'patient',
    locale: 'nl_BE',
    shape: '\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}|\\d{6}-\\d{3}-\\d{2}|\\d{11}',
    distinctive: has(/[.-]/),
    validate: v.isValidBelgianNationalNumber,
    // Serial 000 is never issued (counters start at 001): the block this tool's replacements use.
    isTestValue: (s) => compactOf(s).slice(6, 9) === '000',
    context: ['rijksregisternummer', 'rijksregister', 'registre national', 'numero national', 'national number', 'niss', 'inss', 'rrn', 'ssin'],
    fhirSystems: ['https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin'],
  },
  {
    id: 'de-kvnr',
    set: 'de',
    label: 'German health insurance number (KVNR)',
    kind: 'patient',
    locale: 'de',
    shape: '[A-Z]\\d{9}',
    distinctive: never,
    validate: v.isValidKvnr,
    context: ['kvnr', 'krankenversichertennummer', 'versichertennummer', 'versicherten', 'versichert', 'krankenkasse', 'egk', 'gkv', 'kvid'],
    fhirSystems: ['http://fhir.de/sid/gkv/kvid-10', 'http://fhir.de/NamingSystem/gkv/kvid-10', 'http://fhir.de/sid/pkv/kvid-10'],
  },
  {
    id: 'de-lanr',
    set: 'de',
    label: 'German physician number (LANR)',
    kind: 'provider',
    locale: 'de',
    shape: '\\d{9}',
    distinctive: never,
    validate: v.isValidLanr,
    context: ['lanr', 'arztnummer', 'arzt'],
    fhirSystems: ['https://fhir.kbv.de/NamingSystem/KBV_NS_Base_ANR'],
  },
  {
    id: 'ca-sin',
    set: 'ca',
    label: 'Canadian Social Insurance Number',
    kind: 'person',
    locale: 'en_CA',
    shape: '\\d{3}[ -]\\d{3}[ -]\\d{3}|\\d{9}',
    distinctive: has(/^\d{3}([ -])\d{3}\1\d{3}$/),
    validate: v.isValidSin,
    // The Government of Canada's published sample SIN.
    isTestValue: (s) => compactOf(s) === '046454286',
    context: ['sin', 'social insurance', 'nas', 'assurance sociale'],
    fhirSystems: [],
  },
  {
    id: 'ca-bc-phn',
    set: 'ca',
    label: 'British Columbia Personal Health Number',
    kind: 'patient',
    locale: 'en_CA',
    shape: '9\\d{3} ?\\d{3} ?\\d{3}',
    distinctive: has(/^\d{4} \d{3} \d{3}$/),
    validate: v.isValidBcPhn,
    context: ['phn', 'personal health number', 'bc health', 'msp', 'carecard', 'care card'],
    fhirSystems: ['https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-patient-healthcare-id'],
  },
  {
    id: 'ca-on-health-number',
    set: 'ca',
    label: 'Ontario health number',
    kind: 'patient',
    locale: 'en_CA',
    shape: '\\d{4}[ -]?\\d{3}[ -]?\\d{3}(?:[ -]?[A-Z]{2})?',
    distinctive: has(/^\d{4}([ -])\d{3}\1\d{3}|[A-Z]{2}$/),
    validate: v.isValidOntarioHealthNumber,
    context: ['ohip', 'health card', 'health number', 'hcn', 'ontario'],
    fhirSystems: ['https://fhir.infoway-inforoute.ca/NamingSystem/ca-on-patient-hcn'],
  },
  {
    id: 'au-medicare',
    set: 'au',
    label: 'Australian Medicare number',
    kind: 'patient',
    locale: 'en_AU',
    shape: '[2-6]\\d{3} ?\\d{5} ?\\d(?:[ -/]?\\d)?',
    distinctive: has(/^\d{4} \d{5} \d/),
    validate: v.isValidAuMedicare,
    context: ['medicare', 'irn', 'medicare card', 'medicare number'],
    fhirSystems: ['http://ns.electronichealth.net.au/id/medicare-number'],
  },
  {
    id: 'it-codice-fiscale',
    set: 'it',
    label: 'Italian codice fiscale',
    kind: 'patient',
    locale: 'it',
    shape: '[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]',
    distinctive: always,
    validate: v.isValidCodiceFiscale,
    // Cadastral code Z999 (the Z block is for foreign states, 999 is unassigned): this tool's replacements.
    isTestValue: (s) => {
      const c = compactOf(s);
      return c[11] === 'Z' && c.slice(12, 15).replace(/[LMNPQRSTUV]/g, (d) => String('LMNPQRSTUV'.indexOf(d))) === '999';
    },
    context: ['codice fiscale', 'codicefiscale', 'cod fisc', 'cf', 'tessera sanitaria', 'tessera'],
    fhirSystems: ['http://hl7.it/sid/codiceFiscale'],
  },
  {
    id: 'es-dni-nie',
    set: 'es',
    label: 'Spanish DNI / NIE',
    kind: 'person',
    locale: 'es',
    shape: '\\d{8}-?[A-Z]|[XYZ]-?\\d{7}-?[A-Z]',
    distinctive: always,
    validate: v.isValidDniNie,
    context: ['dni', 'nie', 'nif', 'documento', 'tarjeta sanitaria', 'cip', 'identidad'],
    fhirSystems: ['urn:oid:1.3.6.1.4.1.19126.3'],
  },
  {
    id: 'se-personnummer',
    set: 'se',
    label: 'Swedish personnummer',
    kind: 'patient',
    locale: 'sv',
    shape: '(?:19|20)?\\d{6}[-+]\\d{4}|(?:19|20)\\d{10}',
    distinctive: has(/[-+]/),
    validate: v.isValidPersonnummer,
    // Birth number 999 with check: this tool's replacements (the official test numbers are a list, not a rule).
    isTestValue: (s) => s.replace(/\D/g, '').slice(-4, -1) === '999',
    context: ['personnummer', 'pnr', 'personnr', 'samordningsnummer', 'personal identity number'],
    fhirSystems: ['urn:oid:1.2.752.129.2.1.3.1', 'http://electronichealth.se/identifier/personnummer'],
  },
  {
    id: 'in-aadhaar',
    set: 'in',
    label: 'Indian Aadhaar number',
    kind: 'person',
    locale: 'en_IN',
    shape: '[2-9]\\d{3} \\d{4} \\d{4}|[2-9]\\d{11}',
    distinctive: has(/^\d{4} \d{4} \d{4}$/),
    validate: v.isValidAadhaar,
    context: ['aadhaar', 'aadhar', 'uid', 'uidai', 'abha'],
    fhirSystems: ['https://uidai.gov.in/aadhaar'],
  },
  {
    id: 'payment-card',
    set: 'international',
    label: 'payment card number',
    kind: 'payment',
    locale: 'en_US',
    shape: '\\d{4}(?:[ -]\\d{4}){2}[ -]\\d{1,7}|\\d{13,19}',
    distinctive: never,
    validate: v.isValidPaymentCard,
    isTestValue: (s) => TEST_CARD_NUMBERS.has(compactOf(s)),
    context: ['card', 'credit', 'visa', 'mastercard', 'amex', 'pan', 'cc number', 'ccnum', 'cardnumber', 'card number', 'billing', 'payment', 'carte bancaire', 'kreditkarte', 'tarjeta'],
    fhirSystems: [],
  },
];

const typesBySets = new Map<string, readonly IdentifierType[]>();

/** The types recognised when only `sets` are enabled: those countries' and the international ones. */
export function identifierTypesIn(sets: readonly IdentifierSet[]): readonly IdentifierType[] {
  const key = [...sets].sort().join(',');
  let types = typesBySets.get(key);
  if (!types) typesBySets.set(key, (types = IDENTIFIER_TYPES.filter((t) => t.set === 'international' || sets.includes(t.set))));
  return types;
}

export function identifierTypeById(id: string): IdentifierType | undefined {
  return IDENTIFIER_TYPES.find((t) => t.id === id);
}

/** The identifier type a FHIR `identifier.system` (or OID) declares, if it is one we know. */
export function identifierTypeBySystem(system: string): IdentifierType | undefined {
  const s = system.trim().replace(/\/+$/, '').toLowerCase();
  return IDENTIFIER_TYPES.find((t) => t.fhirSystems.some((f) => f.toLowerCase() === s));
}
