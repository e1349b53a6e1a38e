import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { DEFAULT_CONFIG, RuleSet, analyzeDocument, loadBuiltinRules, scan, SourceDocument } from '../src/engine';
import { sampleFileName } from '../src/engine/languages';
import { LiteralScanner, filterable } from '../src/engine/prefilter';
import { argumentsMayCarry } from '../src/engine/dataflow/treeFlow';
import { CODE_KEY, allMatches, candidateRecords, separatedMatches } from '../src/engine/people/keyValues';
import type { SinkKind } from '../src/engine/dataflow/flow';
import { FIXTURES } from './helpers';

describe('the literal prefilter', () => {
  it('finds every literal a text holds, in any case, overlapping ones and prefixes of others included', () => {
    const scanner = new LiteralScanner(['ssl', 'sslv3', 'lv3x', 'verify', 'ify=']);
    assert.deepEqual([...scanner.scan('use SSLv3x; Verify=1')].sort(), ['ify=', 'lv3x', 'ssl', 'sslv3', 'verify']);
    assert.deepEqual([...scanner.scan('nothing here')], []);
    assert.deepEqual([...new LiteralScanner([]).scan('anything')], []);
  });

  it('finds what a search for each literal in the lower-cased text finds (random texts)', () => {
    const literals = ['abc', 'bca', 'ab', 'cab', 'aaa', 'b.c', 'x=1'];
    const scanner = new LiteralScanner(literals);
    const pieces = fc.constantFrom('a', 'b', 'c', 'A', 'B', 'C', '.', 'x', 'X', '=', '1', 'é', ' ', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const expected = literals.filter((l) => text.toLowerCase().includes(l)).sort();
        return JSON.stringify([...scanner.scan(text)].sort()) === JSON.stringify(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes only ASCII literals (lower-casing and case-insensitive matching disagree beyond)', () => {
    assert.deepEqual(filterable(['Verify', 'ssl']), ['verify', 'ssl']);
    assert.equal(filterable(['σκ', 'ssl']), undefined);
    assert.equal(filterable([]), undefined);
  });

  it('finds in test-fixtures exactly what the slow path (no prefilter) finds', () => {
    const rules = loadBuiltinRules();
    const run = (prefilter: boolean) => scan({ root: FIXTURES, config: DEFAULT_CONFIG, rules, prefilter });
    const fast = run(true);
    const slow = run(false);
    assert.ok(slow.findings.length > 100, `${slow.findings.length} findings`);
    assert.deepEqual(fast.findings, slow.findings);
    assert.deepEqual(fast.skipped, slow.skipped);
  });

  it('finds in every rule example exactly what the slow path finds', () => {
    const rules = loadBuiltinRules();
    const ruleSet = new RuleSet(rules);
    let checked = 0;
    for (const rule of rules) {
      for (const example of [...rule.examples.bad, ...rule.examples.good]) {
        const doc = () => new SourceDocument(example.file ?? sampleFileName(example.language!), example.code, example.file ? undefined : example.language);
        assert.deepEqual(analyzeDocument(doc(), ruleSet), analyzeDocument(doc(), ruleSet, { prefilter: false }), `${rule.id}: ${example.code.slice(0, 60)}`);
        checked++;
      }
    }
    assert.ok(checked > 100);
  });
});

describe("a sink call's arguments read before parsing", () => {
  const log = /\blog\.info\s*\(/g;
  const carries = (file: string, code: string, kind: SinkKind = 'log') => {
    const doc = new SourceDocument(file, code);
    log.lastIndex = 0;
    const m = log.exec(code)!;
    return argumentsMayCarry(doc, { sink: { kind, re: log }, at: m.index, end: m.index + m[0].length });
  };

  it('cannot carry data with only constant text, comments or nothing between the parentheses', () => {
    assert.equal(carries('A.java', 'log.info("Export started");'), false);
    assert.equal(carries('A.java', 'log.info("Export " + "started" /* patient */);'), false);
    assert.equal(carries('a.py', 'log.info()  # patient'), false);
    assert.equal(carries('a.py', 'log.info(("done"))'), false);
  });

  it('may carry data with a name, a call, a number, digits, an interpolation or an HL7 segment', () => {
    assert.equal(carries('A.java', 'log.info("Patient " + p);'), true);
    assert.equal(carries('A.java', 'log.info("count", get());'), true);
    assert.equal(carries('A.java', 'log.info("MRN 4836 2751");'), true);
    assert.equal(carries('a.py', 'log.info(f"{patient}")'), true);
    assert.equal(carries('A.kt', 'log.info("seen $patient")'), true);
    assert.equal(carries('a.rb', 'log.info("seen #{patient}")'), true);
    assert.equal(carries('A.java', 'log.info("PID|1||")'), true);
  });

  it('says yes when in doubt: unclosed arguments, a storage key, a receiver that is the data', () => {
    assert.equal(carries('A.java', 'log.info("Export started"'), true);
    assert.equal(carries('A.kt', 'log.info("diagnosis")', 'client-storage'), true);
  });
});

describe('person-like constructor calls found from their words', () => {
  // constructor records are the ones with a callee as context; the shortcut leaves out other records too
  const calls = (file: string, text: string, shortcut: boolean) =>
    candidateRecords(new SourceDocument(file, text), shortcut)
      .filter((r) => r.context !== undefined)
      .map((r) => `${r.context}: ${r.fields.map((f) => `${f.kind}@${f.start}`).join(' ')}`);

  it('finds the calls that every call found does', () => {
    const text = 'p = new\n  Patient("Marie", "Dupont", "1984-03-12");\nq = renew Member("Jean Martin", "1950-01-02");\nr = a.b.PersonFactory.create("X", "Y") + Client.of("Ann Lee", "1990-02-03");';
    assert.deepEqual(calls('A.java', text, true), calls('A.java', text, false));
    assert.deepEqual(calls('A.java', text, true).map((c) => c.split(':')[0]), ['new\n  Patient', 'Member']);
  });

  it('finds what a scan of every call finds (random texts, Java and Go)', () => {
    const pieces = fc.constantFrom('new', 'renew', ' ', '\n', 'Patient', 'person', 'Client', 'x', '9', '_', '.', '(', '{', ')', '}', ',', '"Marie"', '"Dupont"', '"1984-03-12"', '"a"');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.constantFrom('A.java', 'a.go'), (parts, file) => {
        const text = parts.join('');
        return JSON.stringify(calls(file, text, true)) === JSON.stringify(calls(file, text, false));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('keys found from their separators', () => {
  it('finds what a scan of the whole text finds (random texts)', () => {
    const pieces = fc.constantFrom('name', 'dob', 'x', '9', '_', '-', '$', '.', 'é', '𝒜', '"', "'", '`', ' ', '\n', '\t', ':', '=', '=>', ':=', '::', '://', '==', '"Marie"', 'a'.repeat(45));
    const found = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => `${m.index}:${m[0]}`);
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        return JSON.stringify(found(separatedMatches(new RegExp(CODE_KEY), text))) === JSON.stringify(found(allMatches(new RegExp(CODE_KEY), text)));
      }),
      { numRuns: 5000 },
    );
  });
});
