// In-host suite: runs inside code-server's extension host with the real `vscode` API (see ../run.mjs).
const path = require('node:path');
const fs = require('node:fs');
const Mocha = require(path.resolve(__dirname, '../../../node_modules/mocha'));

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes, pending } = runner.stats;
      if (process.env.HDGUARD_E2E_RESULT) fs.writeFileSync(process.env.HDGUARD_E2E_RESULT, JSON.stringify({ passes, failures, pending }));
      failures ? reject(new Error(`${failures} tests failed`)) : resolve();
    });
  });
};
