"""Settings shared by every environment of the patient portal."""

from pathlib import Path

import environ

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parent.parent

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "encrypted_model_fields",
    "portal.records",
    "portal.appointments",
]

DATABASES = {"default": env.db("DATABASE_URL")}

# django-encrypted-model-fields: diagnoses, notes and identifiers are stored encrypted with this key
FIELD_ENCRYPTION_KEY = env("FIELD_ENCRYPTION_KEY")

SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", default="smtp.lakeshore-care.net")
EMAIL_PORT = 587
EMAIL_USE_TLS = True
