import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Site

from tests import prepared, static_files
from tests.database_snapshot import DatabaseSnapshot
from website import field_cache
from website.models import HomePage
from website.recent_pages import RECENT

PREPARED_DIR = Path(__file__).resolve().parents[1] / "var" / "test-prepared"
CRAWL_FILE = Path(__file__).resolve().parent / "browser" / "test_crawl.py"


def pytest_configure(config):
    """Collect static files once, in the process that starts the others;
    when it starts test processes (pytest-xdist), start building what each
    would build for itself (tests/prepared.py), the demo and the walk too
    when the run includes the crawl, while they start."""
    if hasattr(config, "workerinput"):
        return
    if getattr(config.option, "numprocesses", None) and not config.option.reuse_db:
        folder = PREPARED_DIR / str(os.getpid())
        config.prepared_build = prepared.start(folder, demo=runs_the_crawl(config))
        config.prepared_folder = folder
    static_files.collect()
    if hasattr(config, "prepared_folder"):
        (config.prepared_folder / prepared.STATIC_READY).touch()


def runs_the_crawl(config):
    """Whether a path the run was given is the crawl's file or holds it."""
    for argument in config.args:
        given = Path(argument.split("::")[0]).resolve()
        if given == CRAWL_FILE or given in CRAWL_FILE.parents:
            return True
    return False


def pytest_configure_node(node):
    """Tell each test process where the prepared databases are."""
    folder = getattr(node.config, "prepared_folder", None)
    if folder is not None:
        node.workerinput["prepared_folder"] = str(folder)


def pytest_unconfigure(config):
    folder = getattr(config, "prepared_folder", None)
    if folder is not None:
        prepared.finish(config.prepared_build, folder)


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
    form fields drawn for another test's lists, and no page this process
    kept for another test (website/recent_pages.py)."""
    cache.clear()
    field_cache.MEMO.clear()
    RECENT.clear()


def seed_demo(*args):
    call_command("seed_demo", *args, stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, django_db_blocker, request
):
    """With a prepared migrated database, this process's test database
    starts as a copy of it (pytest-django then finds it migrated)."""
    folder = prepared.folder_for(request.config)
    if folder is None:
        return
    from django.db import connection

    template = prepared.template_name(connection.settings_dict, folder, prepared.MIGRATED)
    prepared.wait_for(folder, prepared.MIGRATED_READY)
    with django_db_blocker.unblock():
        prepared.create_copy(connection, template, connection.creation._get_test_db_name())


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """A copied database is kept as found (no new one is made over it);
    django_db_setup drops it at the end."""
    return bool(request.config.getvalue("reuse_db") or prepared.folder_for(request.config))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """pytest-django's test database, and a copy of it as the migrations
    leave it (Wagtail's root page, the default site, groups, content types),
    taken before any test can change it."""
    with django_db_blocker.unblock():
        MIGRATED.append(DatabaseSnapshot.take(lambda: None))
    yield
    if prepared.folder_for(request.config) is not None:
        from django.db import connection

        with django_db_blocker.unblock():
            try:
                prepared.drop(connection, connection.settings_dict["NAME"])
            except Exception as error:  # noqa: BLE001 (as pytest-django's own teardown)
                request.node.warn(pytest.PytestWarning(f"Test database not dropped: {error!r}"))


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
def full_snapshot(migrated_snapshot, django_db_blocker, request):
    """The whole `seed_demo` on the migrated database: read from the one
    tests/prepared.py built, or built once by this process."""
    from django.db import connection

    folder = prepared.folder_for(request.config)
    with django_db_blocker.unblock():
        if prepared.has_demo(folder):
            name = prepared.template_name(connection.settings_dict, folder, prepared.FULL)
            return DatabaseSnapshot.of_database(name, prepared.read_random_state(folder))
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
