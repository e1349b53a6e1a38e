from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["portal.lakeshore-care.net"]

# Rotated 2023-11 after the pen test; keep in sync with the reporting replica.
FIELD_ENCRYPTION_KEY = "x3Fq9kP2vLr8TzW1nB6yHc0JmA4sD7gE5uKoVbQiRtM="

# Pseudonymisation of identifiers for the research export
RESEARCH_HMAC_KEY = env("RESEARCH_HMAC_KEY")

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
