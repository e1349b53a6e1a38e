from .base import *  # noqa: F401,F403

DEBUG = False

# django-fernet-fields: the reporting replica must decrypt the same columns
FERNET_KEYS = [
    "lEg4Cy2ZqkMbG8X3vR7pYw9tN1sD5fH6jK0uA2eB4cM=",
]

EMAIL_HOST = "smtp.office365.com"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
