"""Production: every secret and host comes from the environment, and the
process refuses to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import env_bool, env_list

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings refuse to start without it: set the "
        "SECRET_KEY environment variable to a long random value (for example the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Give the site's host names, comma-separated, "
        "for example ALLOWED_HOSTS=digital.example.org"
    )

# Rate limits and lockouts count in the cache: per process they would
# multiply by the number of workers and reset on every restart.
if not os.environ.get("REDIS_URL") and not env_bool("ALLOW_PER_PROCESS_CACHE", False):
    raise ImproperlyConfigured(
        "REDIS_URL is not set. Production keeps rate limits and sign-in lockouts in a shared "
        "cache: set REDIS_URL=redis://host:6379/0. (Only for one app server with one worker "
        "process, ALLOW_PER_PROCESS_CACHE=true accepts a cache per process.)"
    )
# Password-reset and notification emails link to the admin through it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
if not WAGTAILADMIN_BASE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL is not set to the site's https:// address. Emails (password "
        "resets among them) link to it: set, for example, "
        "WAGTAILADMIN_BASE_URL=https://digital.example.org"
    )

DEBUG = False

# Behind a load balancer that terminates TLS and sets X-Forwarded-Proto (and
# appends the address it saw to X-Forwarded-For: TRUSTED_PROXY_COUNT below).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer's health check may call over plain HTTP (website/healthz.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10

# One load balancer in front, appending the client's address to
# X-Forwarded-For; coordinators must use two-step verification unless told
# otherwise; browsers upgrade any stray http:// reference.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
TWO_FACTOR_REQUIRED_FOR_COORDINATORS = env_bool("TWO_FACTOR_REQUIRED_FOR_COORDINATORS", True)
TWO_FACTOR_REQUIRED_GROUPS = ["Coordinators"] if TWO_FACTOR_REQUIRED_FOR_COORDINATORS else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
        "upgrade-insecure-requests": True,
    }
}
