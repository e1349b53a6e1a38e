import { IDENTIFIER_TYPES, PATIENT_CONTEXT, identifierTypeById, type IdentifierType } from './catalog';

/** What a value is, once its shape, check digits and context agree. */
export interface Recognition {
  type: IdentifierType;
  /** A documented test or sample value (reported only when synthetic data is reported). */
  testValue: boolean;
}

/**
 * Recognises a value whose type is declared (a FHIR identifier with a known system, an HL7 field): the
 * declaration is the context, so only the check decides.
 */
export function recognizeDeclared(typeId: string, value: string): Recognition | undefined {
  const type = identifierTypeById(typeId);
  if (!type || !type.validate(value)) return undefined;
  return { type, testValue: Boolean(type.isTestValue?.(value)) };
}

/**
 * Recognises a free-standing value from its shape, check and the words around it (`context`: the text
 * near the value, e.g. its line and key). STUB: the identifier detector's author refines the scoring;
 * the signature stays.
 */
export function recognizeInContext(value: string, context: string): Recognition | undefined {
  const words = context.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const hasWord = (w: string) => new RegExp(`(?:^|[^a-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^a-z0-9])`).test(words);
  for (const type of IDENTIFIER_TYPES) {
    if (!new RegExp(`^(?:${type.shape})$`).test(value) || !type.validate(value)) continue;
    const own = type.context.some(hasWord);
    const generic = PATIENT_CONTEXT.some(hasWord);
    if (own || (generic && !type.unchecked && type.distinctive(value))) {
      return { type, testValue: Boolean(type.isTestValue?.(value)) };
    }
  }
  return undefined;
}
