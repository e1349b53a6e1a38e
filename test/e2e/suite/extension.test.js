const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXT = 'health-data-guard.health-data-guard';
const folder = () => vscode.workspace.workspaceFolders[0].uri;
const file = (rel) => vscode.Uri.joinPath(folder(), rel);
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Health Data Guard');

async function until(what, predicate, ms = 20000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Health Data Guard in VS Code', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXT).activate();
  });

  it('shows diagnostics for each category', async () => {
    for (const [rel, code] of [['api.py', 'transport.cleartext-url'], ['Patient.java', 'patient.national-identifier']]) {
      await vscode.window.showTextDocument(file(rel));
      const [d] = await until(`diagnostics in ${rel}`, () => ours(file(rel)).length && ours(file(rel)));
      assert.equal(typeof d.code === 'object' ? d.code.value : d.code, code);
    }
  });

  it('hover shows the rule text', async () => {
    const [d] = ours(file('api.py'));
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', file('api.py'), d.range.start.translate(0, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => c.value ?? String(c))).join('\n');
    assert.match(text, /Cleartext URL/);
    assert.match(text, /HIPAA/);
  });

  it('the quick fix applies and the diagnostic goes away', async () => {
    await vscode.window.showTextDocument(file('api.py'));
    const [d] = ours(file('api.py'));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', file('api.py'), d.range, 'quickfix');
    const fix = actions.find((a) => a.title === 'Use https://');
    assert.ok(fix && fix.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await until('the diagnostic to clear', () => ours(file('api.py')).length === 0);
  });

  it('the synthetic replacement applies', async () => {
    await vscode.window.showTextDocument(file('Patient.java'));
    const [d] = ours(file('Patient.java'));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', file('Patient.java'), d.range, 'quickfix');
    const synthetic = actions.find((a) => a.title === 'Replace with a synthetic value');
    assert.ok(await vscode.workspace.applyEdit(synthetic.edit));
    await until('the diagnostic to clear', () => ours(file('Patient.java')).length === 0);
    assert.ok(!vscode.window.activeTextEditor.document.getText().includes('536-96-6187'));
  });

  it('a suppression applies', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'URL = "http://lab.stmarys-clinic.org/x"\n' });
    await vscode.window.showTextDocument(doc);
    const [d] = await until('diagnostics in the untitled file', () => ours(doc.uri).length && ours(doc.uri));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, 'quickfix');
    assert.ok(await vscode.workspace.applyEdit(actions.find((a) => a.title.endsWith('on this line')).edit));
    await until('the suppressed diagnostic to clear', () => ours(doc.uri).length === 0);
    assert.match(doc.getText(), /^# hdguard-ignore-next-line transport\.cleartext-url -- /);
  });

  it('the audit fills the Problems panel for files never opened and produces the report', async () => {
    const api = vscode.extensions.getExtension(EXT).exports;
    const summary = await api.audit.run();
    assert.equal(summary.cancelled, false);
    await until('audit diagnostics for the unopened file', () => ours(file('never-opened/upload.js')).length === 1);
    assert.match(api.audit.reportHtml, /Health Data Guard audit/);
    const out = file('report.md');
    await vscode.commands.executeCommand('hdguard.exportReport', 'markdown', out);
    assert.match(Buffer.from(await vscode.workspace.fs.readFile(out)).toString('utf8'), /findings in \d+ files/);
  });

  it('settings changes take effect', async () => {
    const config = vscode.workspace.getConfiguration('hdguard');
    await config.update('rules.disable', ['transport.cleartext-url'], vscode.ConfigurationTarget.Workspace);
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'U = "http://lab2.stmarys-clinic.org/x"\n' });
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(ours(doc.uri).length, 0);
    await config.update('rules.disable', undefined, vscode.ConfigurationTarget.Workspace);
    await until('the rule back on', () => ours(doc.uri).length === 1);
  });
});
