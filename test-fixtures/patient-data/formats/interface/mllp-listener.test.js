const assert = require('node:assert/strict');
const { parseAdt } = require('../src/adt');

describe('MLLP listener', () => {
  it('extracts the patient from an A04', () => {
    // insecure: a real registration pasted from the interface engine's log
    const msg = 'MSH|^~\\&|REG|NORTHWIND|EMR|NORTHWIND|20240311||ADT^A04|4471|P|2.5\rPID|1||632418904^^^NLD^NNNLD~6324189058^^^NHS^NH||Bergstrom^Margaret||19720605|F\rPV1|1|O\r';
    assert.equal(parseAdt(msg).nhsNumber.length, 10);
  });

  it('accepts the NHS test range', () => {
    const msg = 'MSH|^~\\&|REG|NORTHWIND|EMR|NORTHWIND|20240311||ADT^A04|4472|T|2.5\rPID|1||9990001234^^^NHS^NH||Doe^Jane||19800101|F\r';
    assert.equal(parseAdt(msg).nhsNumber, '9990001234');
  });
});
