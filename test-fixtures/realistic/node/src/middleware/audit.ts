import type { NextFunction, Request, Response } from 'express';
import { logger } from '../logger';

/** Who looked at which chart: the audit trail keeps ids and the action, never the record. */
export function auditPatientAccess(req: Request, res: Response, next: NextFunction): void {
  res.on('finish', () => {
    logger.info(
      { userId: req.user?.id, action: `${req.method} ${req.route?.path}`, patientId: req.params.patientId, status: res.statusCode },
      'patient record accessed',
    );
  });
  next();
}
