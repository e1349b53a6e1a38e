import * as tls from 'node:tls';
import { readFileSync } from 'node:fs';

const VT = '\x0b';
const FS = '\x1c';

/** Sends RDE^O11 orders to the pharmacy system over MLLP with mutual TLS. */
export function sendOrder(message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      {
        host: process.env.PHARMACY_HOST ?? 'pharmacy-hl7.northwind-health.org',
        port: 2576,
        ca: readFileSync('/etc/hl7/ca.pem'),
        cert: readFileSync('/etc/hl7/client.pem'),
        key: readFileSync('/etc/hl7/client-key.pem'),
      },
      () => socket.write(`${VT}${message}${FS}\r`),
    );
    socket.once('data', (d) => {
      socket.end();
      resolve(d.toString());
    });
    socket.on('error', reject);
  });
}
