import { PrismaClient } from '@prisma/client';
import { logger } from '../logger';
import { mailer } from '../integrations/mailer';

const prisma = new PrismaClient();

/** Runs at 18:00: reminds patients of tomorrow's appointments. */
export async function sendReminders(now = new Date()): Promise<void> {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const to = new Date(from.getTime() + 24 * 3600_000);
  const upcoming = await prisma.appointment.findMany({
    where: { startsAt: { gte: from, lt: to }, status: 'booked' },
    include: { patient: true, clinic: true },
  });

  for (const appt of upcoming) {
    if (!appt.patient.email) continue;
    await mailer.sendMail({
      to: appt.patient.email,
      subject: 'Your appointment tomorrow',
      text: `You are booked at ${appt.clinic.name} at ${appt.startsAt.toLocaleTimeString('en-GB')}.`,
    });
    logger.info(`reminder sent to ${appt.patient.email} for ${appt.startsAt.toISOString()}`);
  }
  logger.info({ sent: upcoming.length }, 'reminders done');
}
