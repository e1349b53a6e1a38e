import { createWriteStream } from 'node:fs';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { db } from '../db/knex';

/** Practice managers download the list of patients due a flu vaccination. */
export async function fluRecallExport(req: Request, res: Response): Promise<void> {
  const cohort = await db('patients')
    .join('immunizations', 'patients.id', 'immunizations.patient_id')
    .where('immunizations.vaccine', 'influenza')
    .select('patients.nhs_number', 'patients.first_name', 'patients.last_name', 'patients.phone');
  const file = `/tmp/flu-recall-${req.params.practice}.csv`;
  const out = createWriteStream(file);
  stringify(cohort, { header: true }).pipe(out);
  out.on('finish', () => res.download(file));
}
