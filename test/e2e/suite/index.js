// In-host suite: runs inside code-server's extension host with the real `vscode` API (see ../run.mjs).
const path = require('node:path');
const fs = require('node:fs');
const Mocha = require(path.resolve(__dirname, '../../../node_modules/mocha'));

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      fs.writeFileSync(process.env.HDGUARD_E2E_RESULT || path.join(__dirname, '..', '.result'), `${failures}\n`);
      failures ? reject(new Error(`${failures} tests failed`)) : resolve();
    });
  });
};
