import { Router } from 'express';
import { logger } from '../logger';
import { patients } from '../services/patients';

export const router = Router();

router.put('/patients/:patientId/contact', async (req, res) => {
  const updated = await patients.updateContact(req.params.patientId, req.body);
  if (!updated) {
    logger.warn({ patientId: req.params.patientId, body: req.body }, 'contact update rejected');
    return res.sendStatus(422);
  }
  logger.info({ patientId: req.params.patientId }, 'contact updated');
  res.sendStatus(204);
});
