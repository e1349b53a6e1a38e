import { Router } from 'express';
import { logger } from '../logger';
import { referrals } from '../services/referrals';

export const router = Router();

router.post('/referrals', async (req, res) => {
  const referral = await referrals.create(req.body);
  logger.info({ referralId: referral.id, specialty: referral.specialty }, 'referral created');
  res.status(201).json({ id: referral.id });
});

router.get('/referrals/:id', async (req, res) => {
  const found = await referrals.find(req.params.id);
  if (!found) return res.sendStatus(404);
  res.json(found);
});
