"""Restore a backup made by backup_site, and check every table's rows."""

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from website import backups


class Command(BaseCommand):
    help = (
        "Restore a backup_site folder into an empty database (DATABASE_URL, or --database-url) "
        "and MEDIA_ROOT, then check that every table has all its rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--database-url", help="Restore into this database instead")
        parser.add_argument("--media-root", help="Unpack the media here instead of MEDIA_ROOT")
        parser.add_argument(
            "--replace", action="store_true", help="Drop what the database holds first"
        )

    def handle(self, *args, folder, database_url=None, media_root=None, replace=False, **opts):
        db = dj_database_url.parse(database_url) if database_url else connection.settings_dict
        if not database_url:
            connection.close()  # pg_restore and SQLite's backup work on their own connection
        try:
            missing = backups.restore(
                folder, db, media_root or settings.MEDIA_ROOT, replace=replace
            )
        except (backups.BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        if missing:
            raise CommandError(f"Restored, but these tables differ (expected, found): {missing}")
        self.stdout.write(
            "Restored: every table has the rows it had. If this code is newer than the "
            "backup, run `manage.py migrate` next."
        )
