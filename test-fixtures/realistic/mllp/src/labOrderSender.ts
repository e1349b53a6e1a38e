import { Socket } from 'node:net';
import type { LabOrder } from './types';

const SB = String.fromCharCode(0x0b);
const EB = String.fromCharCode(0x1c, 0x0d);

function hl7Timestamp(d = new Date()): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** ORM^O01 for the reference lab: one order, one connection. */
export function buildOrm(order: LabOrder): string {
  return [
    `MSH|^~\\&|NW-ORDERS|NWH|REFLAB|REFLAB|${hl7Timestamp()}||ORM^O01|${order.controlId}|P|2.3`,
    `PID|1||${order.mrn}^^^NWH^MR||${order.family}^${order.given}||${order.birthDate}|${order.sex}`,
    `ORC|NW|${order.placerId}`,
    `OBR|1|${order.placerId}||${order.testCode}^${order.testName}^L`,
  ].join('\r');
}

export function sendOrder(order: LabOrder, host = process.env.REFLAB_HOST ?? 'mllp.reflab-partners.com', port = 5100): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.connect(port, host, () => {
      socket.end(SB + buildOrm(order) + EB);
      resolve();
    });
    socket.on('error', reject);
  });
}
