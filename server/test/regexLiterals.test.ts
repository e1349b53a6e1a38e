import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { loadBuiltinRules } from '../src/engine';
import { discoverFiles } from '../src/engine/discovery';
import { IDENTIFIER_TYPES } from '../src/engine/identifiers/catalog';
import { asciiFirstChars, requiredLiterals } from '../src/engine/regexLiterals';
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

describe('the characters a regex match can start with (the identifier scan\'s lookahead)', () => {
  const first = (source: string, flags = 'u') => {
    const set = asciiFirstChars(source, flags);
    return set && [...set].map((x, c) => (x ? String.fromCharCode(c) : '')).join('');
  };

  it('follows literals, classes, optional parts, groups and alternatives', () => {
    assert.equal(first(String.raw`\d{3}-\d{2}|9\d{8}`), '0123456789');
    assert.equal(first(String.raw`(?:19|20)?\d{6}`), '0123456789');
    assert.equal(first(String.raw`[XYZ]-?\d{7}|[1-478] ?\d`), '123478XYZ');
    assert.equal(first(String.raw`(?=x)[A-C]`), 'ABC');
  });

  it('gives up where a match may start with anything or the syntax is not modelled', () => {
    for (const re of ['.x', '[^a]b', 'x?', '\\p{L}x', '\\sx', '(?i:a)', 'é']) assert.equal(first(re), undefined, re);
    assert.equal(first('abc', 'iu'), undefined, 'case folding');
  });

  it('every identifier shape starts where its first characters say (random values of each shape)', () => {
    for (const type of IDENTIFIER_TYPES) {
      const set = asciiFirstChars(type.shape, 'u');
      assert.ok(set, `${type.id}: ${type.shape}`);
      const re = new RegExp(`^(?:${type.shape})`, 'u');
      const pieces = fc.constantFrom(...'0123456789 -./+ABCDEFGHIJKLMNOPQRSTUVWXYZab'.split(''));
      fc.assert(
        fc.property(fc.array(pieces, { minLength: 1, maxLength: 24 }), (parts) => {
          const text = parts.join('');
          return !re.test(text) || set[text.charCodeAt(0)] === 1;
        }),
        { numRuns: 500 },
      );
    }
  });
});
