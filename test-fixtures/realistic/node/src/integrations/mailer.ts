import nodemailer from 'nodemailer';

// Appointment reminders and "your results are ready" letters.
export const mailer = nodemailer.createTransport({
  host: process.env.SMTP_HOST ?? 'smtp.northwind-health.org',
  port: 587,
  secure: false,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
});

// The staff rota goes through the relay that requires STARTTLS.
export const rotaMailer = nodemailer.createTransport({
  host: 'relay.northwind-health.org',
  port: 587,
  secure: false,
  requireTLS: true,
});
