'use strict';

// HL7 v2 over MLLP, wrapped in TLS with mutual authentication (IHE ATNA secure node).
const tls = require('node:tls');
const fs = require('node:fs');

const VT = '\x0b';
const FS = '\x1c';
const CR = '\r';

function sendHl7(message, { host = 'hl7-engine.northwind-health.com', port = 6661 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      minVersion: 'TLSv1.2',
      ca: fs.readFileSync('/etc/hl7/tls/ca.pem'),
      cert: fs.readFileSync('/etc/hl7/tls/client.pem'),
      key: fs.readFileSync('/etc/hl7/tls/client.key'),
    });
    let ack = '';
    socket.setEncoding('utf8');
    socket.once('secureConnect', () => socket.write(VT + message.replace(/\n/g, CR) + FS + CR));
    socket.on('data', (chunk) => {
      ack += chunk;
      if (ack.endsWith(FS + CR)) {
        socket.end();
        resolve(ack.slice(1, -2));
      }
    });
    socket.on('error', reject);
  });
}

module.exports = { sendHl7 };
