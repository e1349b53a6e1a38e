import type { Knex } from 'knex';
import createDebug from 'debug';
import { db } from '../db/knex';

const debug = createDebug('clinic:patients');

export interface PatientRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  dob: string;
  postcode: string;
}

export async function findByPostcode(postcode: string, trx: Knex = db): Promise<PatientRow[]> {
  const rows = await trx('patients').where({ postcode }).select('id', 'mrn', 'first_name', 'last_name', 'dob', 'postcode');
  debug('postcode %s -> %O', postcode, rows);
  return rows;
}

export async function countByPractice(practice: string): Promise<number> {
  const [{ total }] = await db('patients').where({ practice }).count<{ total: number }[]>('id as total');
  debug('practice %s has %d patients', practice, total);
  return total;
}
