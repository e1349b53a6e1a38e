import * as https from 'node:https';
import axios from 'axios';

// The regional HIE moved to a private CA in 2023; its chain is not in Node's bundle.
const hieAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false,
});

export const hie = axios.create({
  baseURL: 'https://gateway.regional-hie.org/xca',
  httpsAgent: hieAgent,
});

const partnerAgent = new https.Agent({ keepAlive: true, ca: process.env.PARTNER_CA_PEM });

export const partner = axios.create({ baseURL: 'https://api.partner-clinic.org/fhir', httpsAgent: partnerAgent });
