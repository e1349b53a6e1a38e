import { Client, Message } from 'node-hl7-client';
import type { LabOrder } from './types';

// The lab information system accepts orders on one port per message type.
const lis = new Client({ host: process.env.LIS_HOST ?? 'lis.pathlab-partners.co.uk', connectionTimeout: 10_000 });

const orders = lis.createConnection({ port: 5100 }, async (res) => {
  const status = res.getMessage().get('MSA.1').toString();
  if (status !== 'AA') throw new Error(`LIS rejected the order: ${status}`);
});

export async function placeOrder(order: LabOrder): Promise<void> {
  const message = new Message({
    messageHeader: { msh_9_1: 'ORM', msh_9_2: 'O01', msh_10: order.controlId, msh_11_1: 'P' },
  });
  message.set('PID.3.1', order.mrn);
  message.set('OBR.4.1', order.testCode);
  await orders.sendMessage(message);
}
