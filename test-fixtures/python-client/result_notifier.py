"""Emails clinicians when a critical lab value arrives."""
import os
import smtplib
import ssl
from email.message import EmailMessage

SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.northwind-health.com")


def _message(to: str, summary: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "critical-values@northwind-health.com"
    msg["To"] = to
    msg["Subject"] = "Critical lab value"
    msg.set_content(summary)
    return msg


def notify(to: str, summary: str) -> None:
    context = ssl.create_default_context()
    with smtplib.SMTP_SSL(SMTP_HOST, 465, context=context) as smtp:
        smtp.send_message(_message(to, summary))


def notify_dev(to: str, summary: str) -> None:
    # MailHog on the developer's machine.
    with smtplib.SMTP("localhost", 1025) as smtp:
        smtp.send_message(_message(to, summary))
