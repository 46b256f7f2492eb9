"""Settings are behaviour too: production must refuse to start unsafely and
pass Django's deployment checks; the pinned dependency tree must match
pyproject.toml."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "SECRET_KEY": "k9#-a-long-random-production-secret-used-only-in-this-test-0123456789",
    "ALLOWED_HOSTS": "digital.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://digital.example.org",
    "DATABASE_URL": "sqlite:////tmp/dip-check-deploy.sqlite3",
    "WAGTAILADMIN_BASE_URL": "https://digital.example.org",
    "REDIS_URL": "redis://cache.internal:6379/0",
}


def manage(*args, env):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a
    # production check (Django rightly flags it).
    dropped = {*PRODUCTION_ENV, *env, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_check_deploy_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {**PRODUCTION_ENV, "ALLOWED_HOSTS": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    result = manage("check", env={**PRODUCTION_ENV, "REDIS_URL": ""})
    assert result.returncode != 0
    assert "REDIS_URL is not set" in result.stderr
    one_process = {**PRODUCTION_ENV, "REDIS_URL": "", "ALLOW_PER_PROCESS_CACHE": "true"}
    assert manage("check", env=one_process).returncode == 0


def test_production_refuses_to_start_without_the_sites_https_address():
    for address in ("", "http://127.0.0.1:8000"):
        result = manage("check", env={**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": address})
        assert result.returncode != 0
        assert "WAGTAILADMIN_BASE_URL is not set" in result.stderr


def test_production_reads_database_cache_and_email_from_environment():
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": "postgres://user:pw@db.internal:5432/partnership",
        "REDIS_URL": "redis://cache.internal:6379/0",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": "2525",
    }
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'],"
        " s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND, s.OUTBOX_DELIVERY_BACKEND,"
        " s.EMAIL_HOST, s.EMAIL_PORT)"
    )
    result = manage("shell", "-v", "0", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "db.internal",
        "website.redis_cache.SharedRedisCache",
        "website.outbox.OutboxEmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "2525",
    ]


def test_default_database_is_a_sqlite_file_under_var():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "website.settings.dev"
    code = (
        "from django.conf import settings as s; "
        "d = s.DATABASES['default']; print(d['ENGINE'], d['NAME'])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name == str(ROOT / "var" / "db.sqlite3")


def test_outside_avatar_service_is_off(settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def test_lock_file_pins_every_direct_dependency_at_the_same_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    direct = project["dependencies"] + project["optional-dependencies"]["test"]
    locked = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            locked[name.lower().replace("_", "-")] = version
    for requirement in direct:
        name, _, version = requirement.partition("==")
        name = name.split("[")[0].lower().replace("_", "-")
        assert version, f"{requirement} is not pinned exactly"
        assert locked.get(name) == version, f"{name}: pyproject {version}, lock {locked.get(name)}"


def test_production_static_files_are_hashed_and_compressed(tmp_path):
    """collectstatic with production storage resolves every url() and source
    map the built assets refer to, and writes hashed, gzipped copies."""
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    result = manage("collectstatic", "--noinput", "-v", "0", env=env)
    assert result.returncode == 0, result.stderr
    hashed_css = list((tmp_path / "css").glob("main.*.css"))
    assert hashed_css, "no hashed main.css"
    assert (tmp_path / "css" / f"{hashed_css[0].name}.gz").exists()
    assert list((tmp_path / "js").glob("govuk-frontend.min.js.*.map"))
