import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { loadBuiltinRules } from '../src/engine';
import { discoverFiles } from '../src/engine/discovery';
import { requiredLiterals } from '../src/engine/regexLiterals';
import { FIXTURES } from './helpers';

describe('required literals of a regex (the patterns prefilter)', () => {
  it('finds the literals every match contains', () => {
    assert.deepEqual(requiredLiterals(String.raw`\bhttps?://[^\s"]+`)?.sort(), ['http://', 'https://']);
    assert.deepEqual(requiredLiterals('(?<=[?&])(?<param>ssn|nir)=\\d+'), ['ssn=', 'nir=']);
    assert.deepEqual(requiredLiterals('verify\\s*=\\s*False', 'i'), ['verify']);
    assert.deepEqual(requiredLiterals('(?:CERT_NONE|SSL_VERIFY_NONE)\\b'), ['cert_none', 'ssl_verify_none']);
    assert.deepEqual(requiredLiterals('["\']?false'), ['false']);
  });

  it('gives up where a match need not contain a literal of three letters or more', () => {
    for (const re of ['\\d{9}', 'a|bcd', '(?:abc)?x', '[a-z]+=', 'ab', '(?i:abc)', 'x\\1', '[]abc']) assert.equal(requiredLiterals(re), undefined, re);
    assert.equal(requiredLiterals('verify', 'iu'), undefined, 'case folding under /iu is not lower-casing');
  });

  it('every match of every built-in pattern contains one of its literals (rule examples and test fixtures)', () => {
    const texts = [
      ...loadBuiltinRules().flatMap((r) => [...r.examples.bad, ...r.examples.good].map((e) => e.code)),
      ...[...discoverFiles(FIXTURES, ['.'], { exclude: [] }, [])].map((f) => fs.readFileSync(f.abs, 'utf8')),
    ];
    let checked = 0;
    for (const rule of loadBuiltinRules()) {
      for (const p of rule.patterns ?? []) {
        const literals = requiredLiterals(p.regex, p.flags);
        if (!literals) continue;
        const re = new RegExp(p.regex, `${p.flags ?? ''}g`);
        for (const text of texts) {
          for (const m of text.matchAll(re)) {
            checked++;
            assert.ok(literals.some((l) => m[0].toLowerCase().includes(l)), `${rule.id}: /${p.regex}/ matched ${JSON.stringify(m[0].slice(0, 80))} without ${JSON.stringify(literals)}`);
          }
        }
      }
    }
    assert.ok(checked > 100, `${checked} matches checked`);
  });

  it('holds for random texts made of the pattern pieces', () => {
    const patterns = ['\\bhttps?://[\\w.]+', '(?:abc|cde)f?ghi', '(?<=x)(?<k>foo|bar)[0-9]*baz', 'q(?:uu|vv)+r[st]w'];
    for (const source of patterns) {
      const literals = requiredLiterals(source)!;
      assert.ok(literals, source);
      const re = new RegExp(source, 'g');
      const pieces = fc.constantFrom(...'abcdefghqrstuvwxyz0123456789:/._ '.split(''), 'http', 'https', '://', 'foo', 'bar', 'baz', 'uu', 'vv', 'abc', 'cde', 'ghi');
      fc.assert(
        fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
          for (const m of parts.join('').matchAll(re)) if (!literals.some((l) => m[0].toLowerCase().includes(l))) return false;
          return true;
        }),
        { numRuns: 2000 },
      );
    }
  });
});
