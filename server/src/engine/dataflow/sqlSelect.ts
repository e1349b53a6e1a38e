import { fieldKind } from '../people/fields';
import { healthWordOf } from './healthNames';

/** Aggregates, whose result is a number about rows rather than the rows. */
const AGGREGATE = /^(?:count|sum|avg|min|max|stddev\w*|variance|bool_and|bool_or|every|exists)\s*\(/i;

/**
 * What a SELECT returns when it returns patient rows, for a flow's source label: a column named after health
 * data (`mrn`, `birth_date`, `diagnosis`), a person's field (`given_name`, `email`) read from a patient-like
 * table, or `*` of such a table. Undefined for anything else: other statements, counts and sums, other tables.
 */
export function selectSource(sql: string): string | undefined {
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  if (!/^\s*\(?\s*(?:WITH|SELECT)\b/i.test(text)) return undefined;
  const m = /\bSELECT\s+(?:DISTINCT\s+(?:ON\s*\([^)]*\)\s*)?|TOP\s+\d+\s+)?([\s\S]+?)\s+FROM\s/i.exec(text);
  if (!m) return undefined;
  const tables = [...text.matchAll(/\b(?:FROM|JOIN)\s+["`[]?(?:\w+["`\]]?\.["`[]?)?(\w+)/gi)].map((t) => t[1]);
  const personTable = tables.find((t) => healthWordOf(t) !== undefined || /^(?:patients?|persons?|people|members?|admissions?|residents?|clients?)$/i.test(t));
  for (const item of splitTopLevel(m[1])) {
    const column = item.trim();
    if (!column || AGGREGATE.test(column)) continue;
    if (/^(?:\w+\.)?\*$/.test(column)) {
      if (personTable) return `\`${personTable}.*\``;
      continue;
    }
    const names = [/^(?:\w+\.)?["`[]?(\w+)/.exec(column)?.[1], /\bAS\s+["`[]?(\w+)["`\]]?\s*$/i.exec(column)?.[1]];
    for (const name of names) {
      if (!name) continue;
      if (healthWordOf(name) !== undefined || (personTable && fieldKind(name) !== undefined)) return `\`${name}\``;
    }
  }
  return undefined;
}

/** The items of a select list: commas outside parentheses and quotes. */
function splitTopLevel(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(from, i));
      from = i + 1;
    }
  }
  out.push(list.slice(from));
  return out;
}
