import * as v from './validators';

/** Who an identifier points at: patients and persons are reported as patient data, providers at info. */
export type IdentifierKind = 'patient' | 'person' | 'provider' | 'payment';

export interface IdentifierType {
  id: string;
  label: string;
  kind: IdentifierKind;
  /** Faker locale whose conventions the identifier follows (for synthetic replacements). */
  locale: string;
  /**
   * The candidate's shape in free text: a regex source without anchors, flags or capture groups. Matches are
   * taken only between non-alphanumeric boundaries.
   */
  shape: string;
  /** Whether the shape alone says much (dashes in an SSN, letters in an MBI) or nothing (nine plain digits). */
  distinctive: (value: string) => boolean;
  validate: (value: string) => boolean;
  /** Documented test and sample values (NHS 999 range, SSN advertising range). */
  isTestValue?: (value: string) => boolean;
  /** No check digit: a format match needs this identifier's own context words, not just patient context. */
  unchecked?: boolean;
  /** Words that name this identifier nearby (lower case, without accents). */
  context: string[];
  /** FHIR `identifier.system` values (and OIDs) that declare a value to be this identifier. */
  fhirSystems: string[];
}

/** Words that make any identifier-shaped value near them about a person's health or identity. */
export const PATIENT_CONTEXT = [
  'patient', 'patients', 'patient_id', 'patientid', 'dossier', 'mrn', 'medical record', 'chart', 'insured', 'insuree',
  'assure', 'assuree', 'versicherter', 'versicherte', 'paciente', 'paziente', 'patient', 'patiente', 'beneficiary',
  'member', 'subscriber', 'dob', 'birth', 'birthdate', 'naissance', 'geburtsdatum', 'nacimiento', 'nascita',
  'identifier', 'identity', 'national id', 'nationalid', 'person', 'citizen', 'resident', 'sante', 'health',
  'gesundheit', 'salud', 'salute', 'gezondheid', 'halsa',
];

const has = (re: RegExp) => (s: string) => re.test(s);

export const IDENTIFIER_TYPES: IdentifierType[] = [
  {
    id: 'us-ssn',
    label: 'US Social Security number',
    kind: 'person',
    locale: 'en_US',
    shape: '\\d{3}-\\d{2}-\\d{4}|\\d{3} \\d{2} \\d{4}|\\d{9}',
    distinctive: has(/[- ]/),
    validate: (s) => v.isValidSsn(s) && !v.isValidItin(s),
    isTestValue: v.isSsnTestValue,
    unchecked: true,
    context: ['ssn', 'social security', 'social_security', 'socialsecurity', 'ss#', 'ssn#', 'us-ssn', 'ss_num', 'tin'],
    fhirSystems: ['http://hl7.org/fhir/sid/us-ssn', 'urn:oid:2.16.840.1.113883.4.1'],
  },
  {
    id: 'us-itin',
    label: 'US Individual Taxpayer Identification Number',
    kind: 'person',
    locale: 'en_US',
    shape: '9\\d{2}-\\d{2}-\\d{4}|9\\d{8}',
    distinctive: has(/-/),
    validate: v.isValidItin,
    unchecked: true,
    context: ['itin', 'taxpayer', 'tax id', 'tin'],
    fhirSystems: [],
  },
  {
    id: 'us-mbi',
    label: 'US Medicare Beneficiary Identifier',
    kind: 'patient',
    locale: 'en_US',
    shape: '[1-9][A-Z][A-Z0-9]\\d-?[A-Z][A-Z0-9]\\d-?[A-Z]{2}\\d{2}',
    distinctive: () => true,
    validate: v.isValidMbi,
    unchecked: true,
    context: ['mbi', 'medicare', 'beneficiary', 'cms', 'medicaid', 'hicn', 'us-mbi'],
    fhirSystems: ['http://hl7.org/fhir/sid/us-mbi'],
  },
  {
    id: 'us-npi',
    label: 'US National Provider Identifier',
    kind: 'provider',
    locale: 'en_US',
    shape: '[12]\\d{9}',
    distinctive: () => false,
    validate: v.isValidNpi,
    context: ['npi', 'provider', 'prescriber', 'practitioner', 'physician', 'us-npi'],
    fhirSystems: ['http://hl7.org/fhir/sid/us-npi'],
  },
  {
    id: 'us-dea',
    label: 'US DEA registration number',
    kind: 'provider',
    locale: 'en_US',
    shape: '[A-Z][A-Z9]\\d{7}',
    distinctive: () => true,
    validate: v.isValidDea,
    context: ['dea', 'prescriber', 'controlled substance', 'registration'],
    fhirSystems: [],
  },
  {
    id: 'fr-nir',
    label: 'French NIR / INS (numéro de sécurité sociale)',
    kind: 'patient',
    locale: 'fr',
    shape: '[1-478] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2}',
    distinctive: has(/ |2[AB]/),
    validate: v.isValidNir,
    context: ['nir', 'ins', 'insee', 'secu', 'securite sociale', 'secu sociale', 'matricule', 'carte vitale', 'vitale', 'nss', 'ins-nir', 'numero ins', 'sécurité sociale'],
    fhirSystems: ['urn:oid:1.2.250.1.213.1.4.8', 'urn:oid:1.2.250.1.213.1.4.9', 'urn:oid:1.2.250.1.213.1.4.10', 'urn:oid:1.2.250.1.213.1.4.11'],
  },
  {
    id: 'uk-nhs',
    label: 'UK NHS number',
    kind: 'patient',
    locale: 'en_GB',
    shape: '\\d{3}[ -]\\d{3}[ -]\\d{4}|\\d{10}',
    distinctive: has(/[ -]/),
    validate: v.isValidNhsNumber,
    isTestValue: v.isNhsTestValue,
    context: ['nhs', 'nhs number', 'nhsnumber', 'nhs_no', 'nhsno', 'nhs_number', 'chi'],
    fhirSystems: ['https://fhir.nhs.uk/Id/nhs-number', 'http://fhir.nhs.net/Id/nhs-number'],
  },
  {
    id: 'nl-bsn',
    label: 'Dutch BSN (burgerservicenummer)',
    kind: 'patient',
    locale: 'nl',
    shape: '\\d{4}\\.\\d{2}\\.\\d{3}|\\d{9}',
    distinctive: has(/\./),
    validate: v.isValidBsn,
    context: ['bsn', 'burgerservicenummer', 'sofinummer', 'sofi'],
    fhirSystems: ['http://fhir.nl/fhir/NamingSystem/bsn'],
  },
  {
    id: 'be-national-number',
    label: 'Belgian national number',
    kind: 'patient',
    locale: 'nl_BE',
    shape: '\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}|\\d{6}-\\d{3}-\\d{2}|\\d{11}',
    distinctive: has(/[.-]/),
    validate: v.isValidBelgianNationalNumber,
    context: ['rijksregisternummer', 'rijksregister', 'registre national', 'numero national', 'national number', 'niss', 'inss', 'rrn', 'ssin'],
    fhirSystems: ['https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin'],
  },
  {
    id: 'de-kvnr',
    label: 'German health insurance number (KVNR)',
    kind: 'patient',
    locale: 'de',
    shape: '[A-Z]\\d{9}',
    distinctive: () => true,
    validate: v.isValidKvnr,
    context: ['kvnr', 'krankenversichertennummer', 'versichertennummer', 'versicherten', 'versichert', 'krankenkasse', 'egk', 'gkv', 'kvid'],
    fhirSystems: ['http://fhir.de/sid/gkv/kvid-10', 'http://fhir.de/NamingSystem/gkv/kvid-10', 'http://fhir.de/sid/pkv/kvid-10'],
  },
  {
    id: 'de-lanr',
    label: 'German physician number (LANR)',
    kind: 'provider',
    locale: 'de',
    shape: '\\d{9}',
    distinctive: () => false,
    validate: v.isValidLanr,
    context: ['lanr', 'arztnummer', 'arzt'],
    fhirSystems: ['https://fhir.kbv.de/NamingSystem/KBV_NS_Base_ANR'],
  },
  {
    id: 'ca-sin',
    label: 'Canadian Social Insurance Number',
    kind: 'person',
    locale: 'en_CA',
    shape: '\\d{3}[ -]\\d{3}[ -]\\d{3}|\\d{9}',
    distinctive: has(/[ -]/),
    validate: v.isValidSin,
    context: ['sin', 'social insurance', 'nas', 'assurance sociale'],
    fhirSystems: [],
  },
  {
    id: 'ca-bc-phn',
    label: 'British Columbia Personal Health Number',
    kind: 'patient',
    locale: 'en_CA',
    shape: '9\\d{3} ?\\d{3} ?\\d{3}',
    distinctive: has(/ /),
    validate: v.isValidBcPhn,
    context: ['phn', 'personal health number', 'bc health', 'msp', 'carecard', 'care card'],
    fhirSystems: ['https://fhir.infoway-inforoute.ca/NamingSystem/ca-bc-patient-healthcare-id'],
  },
  {
    id: 'ca-on-health-number',
    label: 'Ontario health number',
    kind: 'patient',
    locale: 'en_CA',
    shape: '\\d{4}[ -]?\\d{3}[ -]?\\d{3}(?:[ -]?[A-Z]{2})?',
    distinctive: has(/[ -]|[A-Z]/),
    validate: v.isValidOntarioHealthNumber,
    context: ['ohip', 'health card', 'health number', 'hcn', 'ontario'],
    fhirSystems: ['https://fhir.infoway-inforoute.ca/NamingSystem/ca-on-patient-hcn'],
  },
  {
    id: 'au-medicare',
    label: 'Australian Medicare number',
    kind: 'patient',
    locale: 'en_AU',
    shape: '[2-6]\\d{3} ?\\d{5} ?\\d(?:[ -/]?\\d)?',
    distinctive: has(/ /),
    validate: v.isValidAuMedicare,
    context: ['medicare', 'irn', 'medicare card', 'medicare number'],
    fhirSystems: ['http://ns.electronichealth.net.au/id/medicare-number'],
  },
  {
    id: 'it-codice-fiscale',
    label: 'Italian codice fiscale',
    kind: 'patient',
    locale: 'it',
    shape: '[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]',
    distinctive: () => true,
    validate: v.isValidCodiceFiscale,
    context: ['codice fiscale', 'codicefiscale', 'cod_fisc', 'cf', 'tessera sanitaria', 'tessera'],
    fhirSystems: ['http://hl7.it/sid/codiceFiscale'],
  },
  {
    id: 'es-dni-nie',
    label: 'Spanish DNI / NIE',
    kind: 'person',
    locale: 'es',
    shape: '\\d{8}-?[A-Z]|[XYZ]-?\\d{7}-?[A-Z]',
    distinctive: () => true,
    validate: v.isValidDniNie,
    context: ['dni', 'nie', 'nif', 'documento', 'tarjeta sanitaria', 'cip', 'identidad'],
    fhirSystems: ['urn:oid:1.3.6.1.4.1.19126.3'],
  },
  {
    id: 'se-personnummer',
    label: 'Swedish personnummer',
    kind: 'patient',
    locale: 'sv',
    shape: '(?:19|20)?\\d{6}[-+]\\d{4}|(?:19|20)\\d{10}',
    distinctive: has(/[-+]/),
    validate: v.isValidPersonnummer,
    context: ['personnummer', 'pnr', 'personnr', 'samordningsnummer', 'personal identity number'],
    fhirSystems: ['urn:oid:1.2.752.129.2.1.3.1', 'http://electronichealth.se/identifier/personnummer'],
  },
  {
    id: 'in-aadhaar',
    label: 'Indian Aadhaar number',
    kind: 'person',
    locale: 'en_IN',
    shape: '[2-9]\\d{3} \\d{4} \\d{4}|[2-9]\\d{11}',
    distinctive: has(/ /),
    validate: v.isValidAadhaar,
    context: ['aadhaar', 'aadhar', 'uid', 'uidai', 'abha'],
    fhirSystems: ['https://uidai.gov.in/aadhaar'],
  },
  {
    id: 'payment-card',
    label: 'payment card number',
    kind: 'payment',
    locale: 'en_US',
    shape: '\\d{4}(?:[ -]\\d{4}){2}[ -]\\d{1,7}|\\d{13,19}',
    distinctive: has(/[ -]/),
    validate: v.isValidPaymentCard,
    context: ['card', 'credit', 'visa', 'mastercard', 'amex', 'pan', 'cc_number', 'cardnumber', 'card_number', 'billing', 'payment'],
    fhirSystems: [],
  },
];

export function identifierTypeById(id: string): IdentifierType | undefined {
  return IDENTIFIER_TYPES.find((t) => t.id === id);
}

/** The identifier type a FHIR `identifier.system` (or OID) declares, if it is one we know. */
export function identifierTypeBySystem(system: string): IdentifierType | undefined {
  const s = system.trim().replace(/\/+$/, '').toLowerCase();
  return IDENTIFIER_TYPES.find((t) => t.fhirSystems.some((f) => f.toLowerCase() === s));
}
