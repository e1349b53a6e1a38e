import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinRulesDir } from './paths';

const ajv = new Ajv({ allErrors: true, strict: false });
const cache = new Map<string, ValidateFunction>();

/** A validator for one of the JSON Schemas under rules/schema/. */
export function schemaValidator(name: 'rule-pack' | 'config'): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    const file = path.join(builtinRulesDir(), 'schema', `${name}.schema.json`);
    v = ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')));
    cache.set(name, v);
  }
  return v;
}

export interface SchemaProblem {
  /** JSON pointer segments of the offending value. */
  path: string[];
  field: string;
  message: string;
}

/** Picks the single most useful error: the deepest one, preferring concrete keywords over oneOf/anyOf. */
export function mainProblem(errors: ErrorObject[]): SchemaProblem {
  const concrete = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const pool = concrete.length ? concrete : errors;
  const best = [...pool].sort((a, b) => depth(b) - depth(a))[0];
  const segments = best.instancePath.split('/').slice(1).map(unescapePointer);
  // The named property is the offending value (present or not), so its line is the one to report.
  const named = best.params as { missingProperty?: string; additionalProperty?: string };
  const property = best.keyword === 'required' ? named.missingProperty : best.keyword === 'additionalProperties' ? named.additionalProperty : undefined;
  let field = segments.filter((s) => !/^\d+$/.test(s)).slice(-1)[0] ?? '(root)';
  let message = best.message ?? 'is invalid';
  switch (best.keyword) {
    case 'enum':
      message = `must be one of ${(best.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      break;
    case 'required':
      field = (best.params as { missingProperty: string }).missingProperty;
      message = 'is required';
      break;
    case 'additionalProperties':
      field = (best.params as { additionalProperty: string }).additionalProperty;
      message = 'is not a known field';
      break;
    case 'oneOf':
      message = 'must have exactly one of the alternatives (for a rule: either patterns or detector)';
      break;
    case 'anyOf':
      message = 'must name a language or a file';
      break;
  }
  return { path: property === undefined ? segments : [...segments, property], field, message };
}

function depth(e: ErrorObject): number {
  const base = e.instancePath.split('/').length;
  return e.keyword === 'required' || e.keyword === 'additionalProperties' ? base + 0.5 : base;
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
