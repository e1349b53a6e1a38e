const { loadBuiltinRules } = require('/work/main/server/out/src/engine');
const rules = loadBuiltinRules();
const list = [];
for (const r of rules) {
  (r.patterns ?? []).forEach((p, j) => list.push([r.id, `patterns[${j}]`, p.regex, (p.flags ?? '') ]));
  (r.conditions ?? []).forEach((c, j) => list.push([r.id, `conditions[${j}]`, c.regex, c.flags ?? '']));
  (r.exceptions ?? []).forEach((x, j) => list.push([r.id, `exceptions[${j}]`, x, 'i']));
}
console.log('regexes', list.length);
const { checkSync } = require('/work/main/node_modules/recheck');
let t0 = Date.now();
const slow = [];
for (const [id, field, src, flags] of list) {
  const t = Date.now();
  const r = checkSync(src, flags.replace(/[dg]/g, ''), { timeout: 10000 });
  const dt = Date.now() - t;
  if (r.status !== 'safe' || dt > 500) slow.push([id, field, r.status, dt, r.attack?.pattern, r.error, src.slice(0, 100)]);
}
console.log('total ms', Date.now() - t0);
console.log(JSON.stringify(slow, null, 1));
