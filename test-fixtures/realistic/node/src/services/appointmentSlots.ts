import { pool } from '../db/pool';
import { logger } from '../logger';

/** Free slots of a clinic for the booking page. */
export async function freeSlots(clinic: string, day: string) {
  const { rows } = await pool.query(
    'SELECT slot_start, slot_end, room FROM appointment_slots WHERE clinic = $1 AND day = $2 AND booked = false ORDER BY slot_start',
    [clinic, day],
  );
  logger.debug({ clinic, day, rows }, 'free slots');
  return rows;
}
