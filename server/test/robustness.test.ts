import * as assert from 'node:assert/strict';
import { DEFAULT_FILE_TIME_LIMIT_MS } from '../src/engine/scan';
import { loadBuiltinRules, loadConfig, resolveRules, scan } from '../src/engine';
import { redosProblem } from '../src/engine/redos';
import { CLEARTEXT, rulePack, runMain, treeFactory } from './trees';

describe('robustness: ReDoS-safe rules and the per-file time limit', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  describe('the ReDoS check', () => {
    it('flags regexes that backtrack exponentially', () => {
      for (const re of ['(a+)+$', '^(\\w+\\s?)*$', '(a|a)*b', '^(([a-z])+.)+[A-Z]([a-z])+$']) {
        assert.match(redosProblem(re) ?? '', /can backtrack catastrophically \(exponential time, ReDoS\) on input such as /, re);
      }
    });

    it('passes linear ones, and polynomial ones (bounded by the size and time limits)', () => {
      for (const re of ['TEST_MARKER_[0-9]+', '\\bhttp://[^\\s"]{1,200}', '\\d+x']) assert.equal(redosProblem(re), undefined, re);
    });

    for (const [field, fields] of [
      ['regex', { regex: '(a+)+$' }],
      ['exceptions', { exception: '(x+x+)+y' }],
    ] as const) {
      it(`a workspace rule with a vulnerable ${field} is rejected: exit 2, one line naming file, rule and field`, async () => {
        const pack = 'exception' in fields
          ? rulePack('custom.redos').replace('    examples:', `    exceptions: ['${fields.exception}']\n    examples:`)
          : rulePack('custom.redos', fields);
        const dir = trees.make({ '.hdguard/rules/custom.yaml': pack, 'api.js': CLEARTEXT() });
        const r = await runMain(['scan', '.'], dir);
        assert.equal(r.status, 2, r.stdout);
        assert.match(r.stderr, new RegExp(`^hdguard: \\.hdguard/rules/custom\\.yaml:\\d+: rule 'custom\\.redos' field '${field}' can backtrack catastrophically`));
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      });
    }

    // Checking every built-in regex takes minutes (recheck needs up to seconds for each): HDGUARD_REDOS_BUILTIN=1.
    const builtin = process.env.HDGUARD_REDOS_BUILTIN === '1' ? it : it.skip;
    builtin('no built-in rule regex backtracks catastrophically (HDGUARD_REDOS_BUILTIN=1)', function () {
      this.timeout(0);
      const problems: string[] = [];
      let checked = 0;
      for (const rule of loadBuiltinRules()) {
        const regexes = [
          ...(rule.patterns ?? []).map((p, i) => [`patterns[${i}].regex`, p.regex, p.flags] as const),
          ...(rule.conditions ?? []).map((c, i) => [`conditions[${i}].regex`, c.regex, c.flags] as const),
          ...(rule.exceptions ?? []).map((x, i) => [`exceptions[${i}]`, x, 'i'] as const),
        ];
        for (const [field, source, flags] of regexes) {
          checked++;
          const problem = redosProblem(source, flags);
          if (problem) problems.push(`${rule.source}: ${rule.id} ${field}: ${problem}`);
        }
      }
      process.stdout.write(`      ReDoS: ${checked} built-in regexes checked\n`);
      assert.deepEqual(problems, []);
    });
  });

  describe('the per-file time limit', () => {
    it('is 5 seconds by default', () => assert.equal(DEFAULT_FILE_TIME_LIMIT_MS, 5000));

    it('a file whose analysis runs past it is skipped with the reason, and the scan goes on', () => {
      // \d+x is quadratic on a long run of digits: 60,000 digits take over a second on a fast machine (20,000
      // took only 140 ms on one, under the limit), ten times the 100 ms limit.
      const dir = trees.make({
        '.hdguard/rules/slow.yaml': rulePack('custom.slow', { regex: '\\d+x' }),
        'api.js': CLEARTEXT(),
        'slow.txt': '7'.repeat(60_000),
        'z.js': CLEARTEXT(),
      });
      const config = loadConfig(dir);
      const result = scan({ root: dir, config, rules: resolveRules(dir, config), fileTimeLimitMs: 100 });
      assert.deepEqual(result.skipped, [{ file: 'slow.txt', reason: 'time-limit', detail: 'analysis time limit of 0.1 s exceeded' }]);
      assert.deepEqual(result.findings.map((f) => f.file), ['api.js', 'z.js']);
      assert.equal(result.stats.filesScanned, 2);
    });
  });
});
