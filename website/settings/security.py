"""Admin security and response headers, shared by every environment (base.py
imports this at its end; production.py tightens the transport settings).
docs/security.md explains each choice."""

import datetime
import os

from csp.constants import NONE, SELF, UNSAFE_INLINE

from .environment import env_bool

AUTHENTICATION_BACKENDS = [
    # Refuses a sign-in while its username and address are locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Proxies in front of the site that append to X-Forwarded-For (production's
# load balancer: 1). With 0 the header is ignored, since clients can forge it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Sign-in lockout (django-axes). Failures count per username *and* address,
# so a stranger cannot lock a coordinator out from elsewhere, and a shared
# library or office connection is not locked out for one person's typos.
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("ADMIN_LOGIN_LOCKOUT_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "website.form_protection.client_address"
AXES_LOCKOUT_CALLABLE = "website.admin_security.locked_out"
# Only failures are recorded; successful sign-ins are not logged.
AXES_DISABLE_ACCESS_LOG = True
# Axes writes usernames and addresses into its log lines unless told not to:
# its log shows which rule fired, with both masked. (Its routine lines stay
# out of the log: base.py's LOGGING sets its level.)
AXES_VERBOSE = False

# Searches one address may make in a minute (site and directory search);
# 0 turns the limit off. Public forms have their own hourly limits.
SEARCH_RATE_LIMIT = int(os.environ.get("SEARCH_RATE_LIMIT_PER_MINUTE", "120"))

# Two-step verification (django-otp, TOTP): anyone with admin access may
# turn it on; members of these groups, and superusers, must.
TWO_FACTOR_REQUIRED_FOR_COORDINATORS = env_bool("TWO_FACTOR_REQUIRED_FOR_COORDINATORS", False)
TWO_FACTOR_REQUIRED_GROUPS = ["Coordinators"] if TWO_FACTOR_REQUIRED_FOR_COORDINATORS else []
# When it is required at all, also for everyone this says can see personal
# data: coordinators and the staff of every organisation.
TWO_FACTOR_REQUIRED_FOR = "directory.permissions.works_in_partnership"
OTP_TOTP_ISSUER = os.environ.get("WAGTAIL_SITE_NAME", "Digital inclusion partnership")

# Signed-in sessions end after this long without a request (the page editor
# pings the server while it is open, so an open editor counts as activity).
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT_MINUTES", "60")) * 60

# Content Security Policy (django-csp). The public site runs no inline script
# or style; the Wagtail admin has inline scripts and styles of its own, so
# ADMIN_CSP_REPLACE loosens exactly those directives on /admin/ paths
# (website/content_security.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Plus the map tiles' server, from MAP_TILES_URL.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CSP_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    # The page editor's live preview is an iframe of the admin itself.
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}

# Permissions-Policy: the site needs none of these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Documents are downloaded, never shown in the browser, except PDFs; each is
# served by Wagtail's view with its own "default-src 'none'" policy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
