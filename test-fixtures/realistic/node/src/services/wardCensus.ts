import { pool } from '../db/pool';
import { logger } from '../logger';

export interface CensusRow {
  mrn: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  bed: string;
}

/** Who is in which bed on a ward right now, for the handover sheet. */
export async function wardCensus(wardCode: string): Promise<CensusRow[]> {
  const { rows } = await pool.query(
    `SELECT p.mrn, p.given_name, p.family_name, p.birth_date, a.bed
       FROM admissions a
       JOIN patients p ON p.id = a.patient_id
      WHERE a.ward = $1 AND a.discharged_at IS NULL
      ORDER BY a.bed`,
    [wardCode],
  );
  logger.debug({ ward: wardCode, rows }, 'census loaded');
  return rows;
}

/** How many beds are taken, for the capacity board. */
export async function occupiedBeds(wardCode: string): Promise<number> {
  const result = await pool.query('SELECT count(*)::int AS occupied FROM admissions WHERE ward = $1 AND discharged_at IS NULL', [wardCode]);
  logger.info({ ward: wardCode, occupied: result.rows[0].occupied }, 'capacity');
  return result.rows[0].occupied;
}
