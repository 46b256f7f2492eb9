import os
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Site

from tests import static_files
from tests.database_snapshot import DatabaseSnapshot
from website import field_cache
from website.models import HomePage


def pytest_configure(config):
    """Collect static files once, in the process that starts the others."""
    if not hasattr(config, "workerinput"):
        static_files.collect()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true (.ci/run) nothing may be skipped: a skip is a failure."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"Skipped under CI=true, where nothing may be skipped: {report.longrepr}"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no flood counts or cached
    search hits left over from another test's (rolled back) data, and no
    form fields drawn for another test's lists."""
    cache.clear()
    field_cache.MEMO.clear()


def seed_demo(*args):
    call_command("seed_demo", *args, stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, and a copy of it as the migrations
    leave it (Wagtail's root page, the default site, groups, content types),
    taken before any test can change it."""
    with django_db_blocker.unblock():
        MIGRATED.append(DatabaseSnapshot.take(lambda: None))


MIGRATED = []


@pytest.fixture(scope="session")
def migrated_snapshot(django_db_setup):
    return MIGRATED[-1]


@pytest.fixture(scope="session")
def brand_snapshot(migrated_snapshot, django_db_blocker):
    """`seed_demo --brand-only` on the migrated database, built once per
    test process (whatever tests ran before: a flush empties every table)."""
    with django_db_blocker.unblock():
        return DatabaseSnapshot.take(lambda: seed_demo("--brand-only"), start=migrated_snapshot)


@pytest.fixture(scope="session")
def full_snapshot(migrated_snapshot, django_db_blocker):
    """The whole `seed_demo` on the migrated database, once per process."""
    with django_db_blocker.unblock():
        return DatabaseSnapshot.take(seed_demo, start=migrated_snapshot)


@pytest.fixture
def demo_site(db, brand_snapshot):
    """The demo brand site: home, content, news, settings (no directory
    listings, which take seconds to build)."""
    brand_snapshot.restore()
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def full_demo_site(db, full_snapshot):
    """The whole demo site as `make run` builds it, directory included."""
    full_snapshot.restore()
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(demo_site):
    return HomePage.objects.get()


@pytest.fixture
def email_outbox(settings):
    """The outbox in front of the test mailbox, as in production (Django's
    test set-up otherwise sends straight to mail.outbox)."""
    settings.EMAIL_BACKEND = "website.outbox.OutboxEmailBackend"
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


@pytest.fixture
def smtp_refusing(email_outbox):
    """The outbox in front of a mail server that refuses every message."""
    email_outbox.OUTBOX_DELIVERY_BACKEND = "tests.mail_backends.SMTPRefusing"
    return email_outbox
