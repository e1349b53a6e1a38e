"""Forwards discharge summaries to the county fax gateway by email."""
import os
import smtplib
from email.message import EmailMessage

FAX_RELAY = os.environ.get("FAX_RELAY", "fax-relay.county-health-services.org")


def send_summary(fax_number: str, pdf: bytes) -> None:
    msg = EmailMessage()
    msg["From"] = "discharge@northwind-health.com"
    msg["To"] = f"{fax_number}@{FAX_RELAY}"
    msg["Subject"] = "Discharge summary"
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="summary.pdf")
    # insecure: plain SMTP on port 25, never upgraded with STARTTLS
    with smtplib.SMTP(FAX_RELAY, 25) as smtp:
        smtp.send_message(msg)
