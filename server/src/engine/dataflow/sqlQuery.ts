import { fieldKind } from '../people/fields';
import { healthWordOf } from './healthNames';

/**
 * SQL written in code as a string: a `SELECT` that reads patients' data makes what the query call returns (a
 * statement, a cursor, rows, a data frame) health data, whatever the variables are called
 * (`$row = $stmt->fetch()` after `prepare('SELECT p.mrn, p.birth_date FROM patients p …')`).
 */

const SELECT = /^\s*(?:\(\s*)?(?:WITH\b[\s\S]*?\)\s*)?SELECT\s+(?:DISTINCT\s+|TOP\s+\d+\s+)?([\s\S]+?)\s+FROM\s+([\s\S]*)$/i;
/** The tables a query reads: after FROM and JOIN, schema prefixes allowed, quotes of any dialect. */
const TABLE = /(?:^|\bJOIN\s+|,\s*)[`"[]?(?:[\w]+[`"\]]?\.[`"[]?)?([A-Za-z_]\w*)/gi;

/** The text of a string literal without its prefix (`f`, `r`, `@`, `$`) and quotes. */
export function literalBody(text: string): string {
  return text.replace(/^[a-zA-Z@$]{0,3}(["'`]{1,3})/, '').replace(/["'`]{1,3}$/, '');
}

/** Splits a select list at top-level commas (not inside function calls). */
function columns(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(from, i));
      from = i + 1;
    }
  }
  out.push(list.slice(from));
  return out.map((c) => c.trim()).filter(Boolean);
}

/** The name a selected column is read as: its alias, else its own name; undefined for an expression. */
function columnName(column: string): string | undefined {
  const m = /(?:^|\.|\s)[`"[]?([A-Za-z_]\w*)[`"\]]?\s*$/.exec(column);
  return m && !/\(/.test(column.slice(m.index)) ? m[1] : undefined;
}

/**
 * What a literal query reads of patients, as a label (the result of a query of `patients`), or undefined: a `SELECT` of a
 * column named for health data (`mrn`, `diagnosis`, `birth_date`), or of everything (`*`) or a person's field
 * (`family_name`) from a table named for it (`patients`, `encounters`). Counts and ids alone are not health data.
 */
export function healthQuery(literal: string): string | undefined {
  const body = literalBody(literal);
  if (body.length > 20_000) return undefined;
  const m = SELECT.exec(body);
  if (!m) return undefined;
  const selected = columns(m[1]);
  const from = m[2].split(/\b(?:WHERE|GROUP\s+BY|ORDER\s+BY|HAVING|LIMIT|UNION|FETCH|OFFSET)\b/i)[0];
  const tables = [...from.matchAll(TABLE)].map((t) => t[1]).filter((t) => !/^(?:SELECT|WHERE|ON|AS|LATERAL)$/i.test(t));
  const table = tables.find((t) => healthWordOf(t) !== undefined);
  for (const c of selected) {
    if (/^(?:\w+\.)?\*$/.test(c)) {
      if (table) return `the result of a query of \`${table}\``;
      continue;
    }
    const name = columnName(c);
    if (!name) continue;
    if (healthWordOf(name)) return `the result of a query reading \`${name}\``;
    if (table && fieldKind(name)) return `the result of a query of \`${table}\``;
  }
  return undefined;
}
