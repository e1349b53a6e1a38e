import { readFileSync } from 'node:fs';
import { Client, Message } from 'node-hl7-client';

// The PACS broker requires mutual TLS on its HL7 port.
const pacs = new Client({
  host: 'pacs-broker.northwind-health.org',
  tls: {
    ca: readFileSync('/etc/hl7/ca.pem'),
    cert: readFileSync('/etc/hl7/client.pem'),
    key: readFileSync('/etc/hl7/client-key.pem'),
  },
});

const studies = pacs.createConnection({ port: 2576 }, async () => undefined);

export async function notifyStudy(accession: string): Promise<void> {
  const message = new Message({ messageHeader: { msh_9_1: 'ORM', msh_9_2: 'O01', msh_10: accession, msh_11_1: 'P' } });
  await studies.sendMessage(message);
}
