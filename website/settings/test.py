"""Test settings: the database comes from DATABASE_URL (SQLite by default,
PostgreSQL when `make test` runs its second pass)."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A test database in a file rather than in memory: in-memory SQLite
    # shares one cache between connections and refuses concurrent writers at
    # once, so the concurrent-booking tests could not show SQLite queueing
    # them. One file per test process, so parallel runs never share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"dip-test-{os.getpid()}.sqlite3")
    }

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests that put the outbox in front (EMAIL_BACKEND) deliver to mail.outbox.
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    # Static files as in production: hashed, compressed, served by WhiteNoise
    # with a year's caching, from a collectstatic that the test run makes
    # itself (tests/static_files.py).
    "staticfiles": {"BACKEND": "website.static_storage.StaticFilesStorage"},
}
STATIC_ROOT = VAR_DIR / "test-static"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests never tell a real CDN anything, whatever the environment says
# (tests/website/test_cdn_purge.py puts a recording one in place).
WAGTAILFRONTENDCACHE = {}

# Map tiles stay on, as in production (MAP_TILES_URL from base): no test
# client fetches them, and the browser tests point them at a tile server of
# their own on 127.0.0.1 (tests/browser/tile_server.py).
