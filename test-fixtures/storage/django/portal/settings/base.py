"""Settings of the patient portal (production)."""
import os

DEBUG = False
ALLOWED_HOSTS = ["portal.northwind-health.com"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.sessions",
    "portal.patients",
    "portal.prescriptions",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "ehr",
        "HOST": os.environ["EHR_DB_HOST"],
        "PASSWORD": os.environ["EHR_DB_PASSWORD"],
    }
}

# insecure: the session cookie is also sent over plain HTTP
SESSION_COOKIE_SECURE = False
# insecure: page scripts can read the session cookie
SESSION_COOKIE_HTTPONLY = False
CSRF_COOKIE_SECURE = not DEBUG
