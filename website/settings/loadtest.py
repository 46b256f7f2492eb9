"""Settings for `make loadtest` only (scripts/loadtest): production's
settings, served over plain HTTP on loopback.

Differences from production, each needed because there is no TLS and no
load balancer in front:
- no HTTPS redirect, HSTS or Secure-only cookies (the load-test client would
  drop Secure cookies over HTTP, and with them the session and CSRF cookie);
- every simulated person sends their own X-Forwarded-For, and with no proxy
  in front it is the last entry (TRUSTED_PROXY_COUNT = 1), so the per-address form limits count each
  simulated person separately. In production the load balancer appends the
  address it saw, so a client cannot choose the address it is counted as;
- no per-address limit on searches (every simulated person searches from
  the same machine, and searches store nothing);
- emails go into the outbox and are then dropped instead of sent."""

from .production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
TRUSTED_PROXY_COUNT = 1
# Every simulated person searches from one machine.
SEARCH_RATE_LIMIT = 0
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
