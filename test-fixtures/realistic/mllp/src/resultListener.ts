import * as net from 'node:net';
import { parseOru } from './hl7/parse';
import { storeResult } from './results';

const START = 0x0b;
const END = Buffer.from([0x1c, 0x0d]);

/** Receives ORU^R01 results from the lab analysers' middleware and acknowledges each message. */
export function listen(port = Number(process.env.ORU_PORT ?? 6661)): net.Server {
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', async (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      let end: number;
      while (buffer[0] === START && (end = buffer.indexOf(END)) > 0) {
        const message = buffer.subarray(1, end).toString('utf8');
        buffer = buffer.subarray(end + END.length);
        const oru = parseOru(message);
        await storeResult(oru);
        socket.write(Buffer.concat([Buffer.from([START]), Buffer.from(ackFor(oru.controlId)), END]));
      }
    });
  });
  server.listen(port, '0.0.0.0');
  return server;
}

function ackFor(controlId: string): string {
  return `MSH|^~\\&|NW-RESULTS|NWH|LIS|NWH|${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}||ACK^R01|${controlId}|P|2.5.1\rMSA|AA|${controlId}\r`;
}
