import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Condition, Patient } from '../models';
import { sealWithKms } from '../crypto/envelope';

/** The quarterly export the practice manager downloads for the commissioning audit. */
export async function exportForAudit(practiceCode: string): Promise<string> {
  const cohort = await Patient.findAll({
    where: { practiceCode },
    include: [{ model: Condition, as: 'conditions' }],
  });
  const out = path.join(os.tmpdir(), `audit-${practiceCode}-${Date.now()}.json`);
  await fs.writeFile(out, JSON.stringify(cohort.map((p) => p.toJSON())));
  return out;
}

/** The same export for the data warehouse: sealed with the KMS key, readable by the service user only. */
export async function exportForWarehouse(practiceCode: string, dir: string): Promise<string> {
  const cohort = await Patient.findAll({ where: { practiceCode } });
  const out = path.join(dir, `cohort-${practiceCode}.json.enc`);
  await fs.writeFile(out, await sealWithKms(JSON.stringify(cohort)), { mode: 0o600 });
  return out;
}
