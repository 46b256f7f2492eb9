"""Settings shared by every environment; each value that differs between
deployments is read from the environment."""

import os
from pathlib import Path

import dj_database_url

from .environment import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    "directory",
    # Straight after the directory: its demo referrals follow the directory's
    # demo and come before the courses', as they always have.
    "referrals",
    "training",
    "learning",
    "events",
    "champions",
    "impact",
    "openreferral",
    "neighbourhoods",
    "federation",
    # Admin sign-in lockout and two-step verification (website/settings/security.py).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    # wagtail.contrib.frontend_cache, purging a CDN or Varnish in front with
    # website/cdn_purge.py's receivers in place of Wagtail's own (settings/cdn.py).
    "website.apps.FrontendCacheConfig",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "crispy_forms_gds",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # /healthz first: no host check, HTTPS redirect or log line (website/healthz.py).
    "website.healthz.HealthCheckMiddleware",
    "website.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files next, as WhiteNoise asks: nothing below runs for them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzipped (static files come compressed from WhiteNoise, above),
    # with Django's random padding against BREACH; outside the page cache,
    # so each answer that is not kept is padded afresh (docs/performance.md).
    "django.middleware.gzip.GZipMiddleware",
    # Outside the security policies, so a kept page is kept with their
    # headers and a visitor's request for it runs nothing below; outside
    # sessions, CSRF and messages, so it sees every cookie they set
    # (website/page_cache.py).
    "website.page_cache.PageCacheMiddleware",
    "website.content_security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "website.admin_security.AdminSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "website.database_faults.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for SQLite's one write lock from the start of each
    # transaction (BEGIN IMMEDIATE) instead of failing with "database is
    # locked" when two of them read first: bookings count places, then write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database fails within seconds (the static error page,
    # a free worker) instead of waiting as long as TCP would.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "5"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Optional shared cache: several app servers share one Redis; otherwise each
# process keeps its own small in-memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "website.redis_cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "dip",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long an anonymous visitor's page is kept, here and by a CDN
# (s-maxage); 0 turns the page cache off (website/page_cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Purging a CDN or Varnish in front when pages change (website/cdn_purge.py).
from .cdn import *  # noqa: E402, F403

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
# The printed next-steps sheet is translated (referrals/sheet_language.py);
# the rest of the site is in English.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
# Front-end assets are compiled by `make assets` into static/build; the
# sources in static/src are never served directly.
STATICFILES_DIRS = [BASE_DIR / "static" / "build"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "website.static_storage.StaticFilesStorage"},
}

# Every email is stored in the outbox first, then handed to the delivery
# backend and retried by `manage.py send_queued_email` (website/outbox.py).
EMAIL_BACKEND = "website.outbox.OutboxEmailBackend"
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
OUTBOX_KEEP_SENT_DAYS = int(os.environ.get("OUTBOX_KEEP_SENT_DAYS", "7"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@example.org")

# Text messages go through GOV.UK Notify (website/texts.py); without a key
# they are stored and wait. The template's whole content is "((body))".
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_SMS_TEMPLATE_ID = os.environ.get("NOTIFY_SMS_TEMPLATE_ID", "")
# With this too, the outbox hands emails to Notify instead of SMTP
# (website/notify_email.py): a template with "((subject))" and "((body))".
NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("NOTIFY_EMAIL_TEMPLATE_ID", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Digital inclusion partnership")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The admin would otherwise fetch avatars from an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# The namespace (a UUID) the open-data API's ids are derived in; empty
# derives one from WAGTAILADMIN_BASE_URL (see docs/oruk-api.md).
ORUK_ID_NAMESPACE = os.environ.get("ORUK_ID_NAMESPACE", "")

# Map tiles for the directory's maps; the site works fully without them.
MAP_TILES_URL = os.environ.get("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_ATTRIBUTION = os.environ.get("MAP_ATTRIBUTION", "© OpenStreetMap contributors")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"message_only": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "request_lines": {"class": "logging.StreamHandler", "formatter": "message_only"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One JSON line per request (website/request_log.py).
        "website.requests": {
            "handlers": ["request_lines"],
            "level": "INFO" if env_bool("REQUEST_LOG", True) else "WARNING",
            "propagate": False,
        },
        "django.request": {"level": "ERROR"},
        # Page-by-page chatter from Wagtail's actions and its background tasks.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # django-axes (security.py) logs each failed sign-in and clean-up;
        # only its lockouts show.
        "axes": {"level": "WARNING"},
    },
}

# Admin security and response headers, in a file of their own (it imports
# nothing from this one: settings import one way, down to environment.py).
from .security import *  # noqa: E402, F403
