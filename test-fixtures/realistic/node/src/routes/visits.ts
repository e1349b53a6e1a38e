import { Router } from 'express';
import { logger } from '../logger';
import { clinics } from '../services/clinics';
import { renderSummary } from '../services/summary';
import { visits } from '../services/visits';

export const router = Router();

router.get('/patients/:patientId/visits/:visitId/summary', async (req, res) => {
  const visit = await visits.findById(req.params.visitId);
  if (!visit) return res.sendStatus(404);
  const summary = renderSummary(visit);
  if (!summary.complete) logger.warn({ visit, missing: summary.missing }, 'visit summary incomplete');
  res.json(summary);
});

router.get('/clinics/:clinicId/rooms', async (req, res) => {
  const rooms = await clinics.findRooms(req.params.clinicId);
  logger.debug({ clinic: req.params.clinicId, rooms }, 'rooms');
  res.json(rooms);
});
