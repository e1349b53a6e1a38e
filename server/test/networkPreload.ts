/**
 * `node --require out/test/networkPreload.js …`: stubs the network in a child process (the language server)
 * before its own code loads, appending every attempt to the file named by HDGUARD_NETWORK_RECORD.
 */
import * as fs from 'node:fs';
import { stubNetwork } from './networkStub';

export const RECORD_ENV = 'HDGUARD_NETWORK_RECORD';

const file = process.env[RECORD_ENV];
if (file) stubNetwork((attempt) => fs.appendFileSync(file, `${attempt}\n`));
