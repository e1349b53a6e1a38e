import { detachedString } from '../detachedString';
import { normalizeWord } from './names';

/** What a key (or a column header) says its value is, in the languages health software is written in. */
export type FieldKind = 'full-name' | 'given-name' | 'family-name' | 'birth-date' | 'phone' | 'email' | 'address' | 'diagnosis';

const KEYS: Record<FieldKind, string[]> = {
  'full-name': ['name', 'fullname', 'patientname', 'personname', 'patient', 'nomcomplet', 'naam', 'volledigenaam', 'vollername', 'nombrecompleto', 'nomecompleto', 'namn', 'fulltnamn'],
  'given-name': ['firstname', 'first', 'givenname', 'given', 'forename', 'fname', 'prenom', 'vorname', 'voornaam', 'nome', 'nombre', 'fornamn', 'primernombre', 'tilltalsnamn'],
  'family-name': [
    'lastname', 'last', 'familyname', 'family', 'surname', 'lname', 'nom', 'nomnaissance', 'nomdenaissance', 'nomusage', 'nomdusage', 'nomdefamille',
    'nachname', 'familienname', 'geburtsname', 'achternaam', 'geslachtsnaam', 'cognome', 'apellido', 'apellidos', 'primerapellido', 'efternamn', 'maidenname',
  ],
  'birth-date': [
    'birthdate', 'dateofbirth', 'dob', 'birthday', 'bday', 'birthtime', 'born', 'datenaissance', 'datedenaissance', 'naissance', 'geburtsdatum',
    'geburtstag', 'geboortedatum', 'datanascita', 'datadinascita', 'fechanacimiento', 'fechadenacimiento', 'nacimiento', 'fodelsedatum', 'fodelsedag', 'fodd',
  ],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'telefon', 'telefoon', 'telefono', 'mobile', 'mobilephone', 'cell', 'cellphone', 'portable', 'handy', 'mobil', 'gsm', 'homephone', 'workphone', 'mobiel'],
  email: ['email', 'mail', 'emailaddress', 'courriel', 'adressemail', 'adresseemail', 'epost', 'correo', 'correoelectronico'],
  address: [
    'address', 'addr', 'adresse', 'adres', 'adress', 'street', 'streetaddress', 'addressline', 'addressline1', 'line1', 'rue', 'strasse', 'straat',
    'indirizzo', 'direccion', 'calle', 'gatuadress', 'postcode', 'postalcode', 'zip', 'zipcode', 'codepostal', 'plz', 'postleitzahl', 'postnummer', 'cap',
  ],
  diagnosis: ['diagnosis', 'diagnoses', 'diagnostic', 'diagnostics', 'diagnose', 'diagnosi', 'diagnostico', 'condition', 'conditions', 'icd10', 'icd', 'icd10code', 'icd10cm', 'icdcode', 'cim10', 'dx', 'primarydiagnosis'],
};

/** Prefixes that say whose field it is: `patientFirstName`, `pt_dob`, `member_phone`. */
const OWNER_PREFIX = /^(?:patient|patients|pat|pt|person|member|subscriber|insured|beneficiary|resident|client|home|contact|primary|legal|current|birth)(?=.)/;

const BY_KEY = new Map<string, FieldKind>(Object.entries(KEYS).flatMap(([kind, keys]) => keys.map((k) => [k, kind as FieldKind])));

/** `firstName`, `"first_name"`, `Date of birth`, `**DOB**`, `date_naissance` → the field kind, if a person field. */
export function fieldKind(key: string): FieldKind | undefined {
  let kind = kinds.get(key);
  if (kind === undefined) {
    const k = normalizeKey(key);
    kind = (k && (BY_KEY.get(k) ?? BY_KEY.get(k.replace(OWNER_PREFIX, '')))) || null;
    // The keys of code repeat (every `name:`, `id =`): each is normalised once, in a bounded memory.
    if (kinds.size >= MAX_REMEMBERED_KEYS) kinds.clear();
    kinds.set(detachedString(key), kind);
  }
  return kind ?? undefined;
}

const kinds = new Map<string, FieldKind | null>();
const MAX_REMEMBERED_KEYS = 50_000;

/** A key as compared: no quotes, markup, accents, case or separators. */
export function normalizeKey(key: string): string {
  return normalizeWord(key).replace(/[^a-z0-9]/g, '');
}

/** A cheap pre-check on a whole file: words of name keys, birth keys, and person-like constructors. */
export const PERSON_KEY_HINT =
  /name|nom|naam|namn|given|family|surname|apellido|cognome|vorname|dob|birth|naissance|geburt|geboorte|nascita|nacimiento|fodelse|födelse|patient|person|member|beneficiar|insured|subscriber|resident|client|people|persoon|paziente|paciente/i;
