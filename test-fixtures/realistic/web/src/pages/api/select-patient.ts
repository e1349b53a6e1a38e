import type { NextApiRequest, NextApiResponse } from 'next';
import { getPatient } from '../../lib/fhirServer';

// The kiosk's "who are you" step: the chosen patient is kept for the next pages.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const patient = await getPatient(String(req.query.id));
  if (!patient) return res.status(404).end();
  const display = { name: patient.name?.[0]?.text, birthDate: patient.birthDate };
  res.setHeader('Set-Cookie', `kiosk_patient=${encodeURIComponent(JSON.stringify(display))}; Path=/; SameSite=Lax`);
  res.setHeader('Set-Cookie', `kiosk_session=${req.cookies.sid}; Path=/; Secure; HttpOnly; SameSite=Strict`);
  res.status(204).end();
}
