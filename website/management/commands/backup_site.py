"""Back up the database and the uploaded media into one folder."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from website import backups


class Command(BaseCommand):
    help = "Back up the database (pg_dump -Fc, or SQLite's backup) and MEDIA_ROOT into a folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to", help="A new folder for the backup (default var/backups/<date-time>)"
        )

    def handle(self, *args, to=None, **options):
        from django.conf import settings

        folder = to or settings.VAR_DIR / "backups" / timezone.now().strftime("%Y%m%d-%H%M%S")
        try:
            manifest = backups.backup(folder)
        except (backups.BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up {sum(manifest['rows'].values())} rows in {len(manifest['rows'])} tables "
            f"and the media to {folder}"
        )
