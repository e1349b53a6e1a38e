'use strict';
// Forwards ADT events from the registration service to the radiology information system (RIS).
// The RIS only speaks MLLP.

const net = require('node:net');
const { buildAdt } = require('./hl7/build');
const log = require('./log');

const VT = '\x0b';
const FS = '\x1c';
const CR = '\r';

const RIS_HOST = process.env.RIS_HOST || 'ris.northwind-health.org';
const RIS_PORT = Number(process.env.RIS_PORT || 2575);

function send(event) {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: RIS_HOST, port: RIS_PORT }, () => {
      socket.write(VT + buildAdt(event) + FS + CR);
    });
    let ack = '';
    socket.setTimeout(10000);
    socket.on('data', (chunk) => {
      ack += chunk.toString('latin1');
      if (ack.includes(FS)) {
        socket.end();
        resolve(ack.slice(1, ack.indexOf(FS)));
      }
    });
    socket.on('timeout', () => socket.destroy(new Error('RIS did not acknowledge in 10 s')));
    socket.on('error', reject);
  });
}

module.exports = { send };

if (require.main === module) {
  send({ type: 'A08', mrn: process.argv[2] }).then((ack) => log.info({ ack: ack.slice(0, 3) }, 'sent'));
}
