'use strict';

// Sends appointment and result notifications. Transport options: https://nodemailer.com/smtp/
const nodemailer = require('nodemailer');

// Port 587 with STARTTLS required: encrypted although secure is false.
const notifications = nodemailer.createTransport({
  host: 'smtp.northwind-health.com',
  port: 587,
  secure: false,
  requireTLS: true,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
});

// Local mail catcher for development.
const devMail = nodemailer.createTransport({ host: 'localhost', port: 1025, ignoreTLS: true });

const legacyRelay = nodemailer.createTransport({
  host: 'relay.riverside-clinic.net',
  port: 25,
  secure: false,
  // insecure: never upgrades to TLS, results letters go out in clear text
  ignoreTLS: true,
});

async function sendResultLetter(to, pdf, { partner = false } = {}) {
  const transport = process.env.NODE_ENV === 'development' ? devMail : partner ? legacyRelay : notifications;
  return transport.sendMail({
    from: 'results@northwind-health.com',
    to,
    subject: 'Your lab results are available',
    attachments: [{ filename: 'results.pdf', content: pdf }],
  });
}

module.exports = { sendResultLetter };
