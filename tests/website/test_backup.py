"""A backup restores into a fresh database with every record and every
uploaded file. Runs on whichever database the suite runs on: pg_dump and
pg_restore in the PostgreSQL pass, SQLite's online backup in the SQLite
pass (the same commands, the same checks)."""

import uuid
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.factories import ChampionFactory
from tests.factories.directory import DirectoryIndexPageFactory, OrganisationPageFactory
from tests.factories.referrals import ReferralFactory
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory
from website import backups
from website.models import HomePage


def contents(db):
    """Every row of every table, in a comparable form."""
    raw = backups.raw_connection(db)
    try:
        cursor = raw.cursor()
        found = {}
        for table in backups.tables(db, raw):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            found[table] = sorted(repr(row) for row in cursor.fetchall())
        return found
    finally:
        raw.close()


@pytest.fixture
def fresh_database(tmp_path):
    """An empty database beside the test database: (settings dict, URL)."""
    source = connection.settings_dict
    if connection.vendor != "postgresql":
        path = tmp_path / "restored.sqlite3"
        yield {"ENGINE": source["ENGINE"], "NAME": str(path)}, f"sqlite:///{path}"
        return
    name = f"restore_{uuid.uuid4().hex[:12]}"
    admin = backups.raw_connection({**source, "NAME": "postgres"})
    admin.autocommit = True
    admin.execute(f'CREATE DATABASE "{name}"')
    db = {**source, "NAME": name}
    # The host may be a socket's folder (make test connects through one).
    host = quote(source["HOST"], safe="")
    url = f"postgres://{source['USER']}:{source['PASSWORD']}@{host}:{source['PORT']}/{name}"
    try:
        yield db, url
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database_with_every_record(
    demo_site, tmp_path, settings, fresh_database
):
    organisation = OrganisationPageFactory(
        parent=DirectoryIndexPageFactory(parent=HomePage.objects.get())
    )
    session = SessionFactory(page=CoursePageFactory(parent=organisation))
    BookingFactory.create_batch(3, session=session)
    ChampionFactory.create_batch(3)
    ReferralFactory.create_batch(2)
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "original_images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "original_images" / "logo.png").write_bytes(b"\x89PNG fake")
    before = contents(connection.settings_dict)

    call_command("backup_site", to=str(tmp_path / "backup"))
    db, url = fresh_database
    restored_media = tmp_path / "restored-media"
    call_command(
        "restore_site", str(tmp_path / "backup"), database_url=url, media_root=str(restored_media)
    )

    after = contents(db)
    assert set(after) == set(before)
    assert sum(len(rows) for rows in before.values()) > 500
    for table, rows in before.items():
        assert after[table] == rows, table
    assert (restored_media / "original_images" / "logo.png").read_bytes() == b"\x89PNG fake"

    with pytest.raises(CommandError):  # a database that holds data is not overwritten
        call_command("restore_site", str(tmp_path / "backup"), database_url=url)
