import * as assert from 'node:assert/strict';
import { analyzeDocument, loadBuiltinRules, RuleSet, SourceDocument } from '../src/engine';
import { commentSyntax, parseSuppressions, suppressionEdit, type SuppressionProblem } from '../src/engine/suppressions';
import { runCli, writeTree } from './helpers';

const rules = new RuleSet(loadBuiltinRules());
const URL_LINE = 'URL = "http://lab.stmarys-clinic.org/results"';

function analyse(file: string, text: string, today = '2025-06-01') {
  const problems: SuppressionProblem[] = [];
  const findings = analyzeDocument(new SourceDocument(file, text), rules, { suppressionProblems: problems, today });
  return { ids: findings.map((f) => f.ruleId), problems: problems.map((p) => `${p.kind}@${p.range.start.line}:${p.ruleIds.join(',')}`) };
}

describe('suppression comments (engine, shared by the CLI and the editor)', () => {
  it('hdguard-ignore on the same line, -next-line above, -file anywhere', () => {
    assert.deepEqual(analyse('a.py', `${URL_LINE}  # hdguard-ignore transport.cleartext-url -- lab VPN only\n`), { ids: [], problems: [] });
    assert.deepEqual(analyse('a.py', `# hdguard-ignore-next-line transport.cleartext-url -- lab VPN only\n${URL_LINE}\n`), { ids: [], problems: [] });
    assert.deepEqual(analyse('a.py', `x = 1\n${URL_LINE}\n# hdguard-ignore-file transport.cleartext-url -- fixture\n`), { ids: [], problems: [] });
  });

  it('only the named rule and only the covered line', () => {
    const text = `# hdguard-ignore-next-line patient.national-identifier -- wrong rule\n${URL_LINE}\n${URL_LINE}\n`;
    assert.deepEqual(analyse('a.py', text).ids, ['transport.cleartext-url', 'transport.cleartext-url']);
    assert.deepEqual(analyse('a.py', text).problems, ['unused@1:patient.national-identifier']);
  });

  it('an expired suppression no longer suppresses and is reported; one expiring today still holds', () => {
    const text = (until: string) => `# hdguard-ignore-next-line transport.cleartext-url -- migrating until ${until}\n${URL_LINE}\n`;
    assert.deepEqual(analyse('a.py', text('2025-05-31')), { ids: ['transport.cleartext-url'], problems: ['expired@1:transport.cleartext-url'] });
    assert.deepEqual(analyse('a.py', text('2025-06-01')), { ids: [], problems: [] });
  });

  it('a suppression without a reason is malformed and suppresses nothing', () => {
    assert.deepEqual(analyse('a.py', `# hdguard-ignore-next-line transport.cleartext-url\n${URL_LINE}\n`), {
      ids: ['transport.cleartext-url'],
      problems: ['malformed@1:'],
    });
  });

  it('the directive counts only in a comment, in each language\'s syntax', () => {
    assert.deepEqual(analyse('a.py', `s = "hdguard-ignore-next-line transport.cleartext-url -- in a string"\n${URL_LINE}\n`).ids, ['transport.cleartext-url']);
    assert.deepEqual(analyse('a.sql', `-- hdguard-ignore-next-line transport.cleartext-url -- lab\nSELECT 'http://lab.stmarys-clinic.org/x';\n`).ids, []);
    assert.deepEqual(analyse('a.xml', `<!-- hdguard-ignore-next-line transport.cleartext-url -- lab -->\n<a href="http://lab.stmarys-clinic.org/x"/>\n`).ids, []);
    assert.deepEqual(analyse('a.ts', `/* hdguard-ignore-next-line transport.cleartext-url -- lab */\nfetch("http://lab.stmarys-clinic.org/x");\n`).ids, []);
  });

  it('parses several rule ids and an expiry', () => {
    const [s] = parseSuppressions(new SourceDocument('a.js', '// hdguard-ignore-file a.b, c.d -- legacy fixture until 2030-01-31\n')).suppressions;
    assert.deepEqual([s.scope, s.ruleIds, s.reason, s.until], ['file', ['a.b', 'c.d'], 'legacy fixture', '2030-01-31']);
  });

  it('inserts a comment the parser reads back, and none where the file cannot hold one', () => {
    for (const [file, line] of [['a.py', 'x = 1'], ['a.java', '  x();'], ['a.html', '<p/>'], ['a.sql', 'SELECT 1;'], ['a.css', 'a {}'], ['Dockerfile', 'RUN x']]) {
      const doc = new SourceDocument(file, `${line}\n`);
      const edit = suppressionEdit(doc, { scope: 'next-line', ruleId: 'x.y', line: 1, reason: 'r', until: '2030-01-01' })!;
      const after = new SourceDocument(file, edit.newText + doc.text);
      assert.deepEqual(parseSuppressions(after).suppressions.map((s) => [s.ruleIds, s.line]), [[['x.y'], 2]], file);
    }
    assert.equal(commentSyntax('json', 'json'), undefined);
    assert.equal(suppressionEdit(new SourceDocument('a.json', '{}\n'), { scope: 'file', ruleId: 'x.y', line: 1, reason: 'r' }), undefined);
  });

  it('the CLI honours suppressions the same way', () => {
    const root = writeTree({ 'a.py': `# hdguard-ignore-next-line transport.cleartext-url -- lab VPN only\n${URL_LINE}\n`, 'b.py': `${URL_LINE}\n` });
    const run = runCli(['scan', root, '--format', 'json']);
    const files = JSON.parse(run.stdout).findings.map((f: { file: string }) => f.file);
    assert.deepEqual(files, ['b.py']);
  });
});
