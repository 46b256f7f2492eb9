"""Anonymise personal data that has passed its retention period. Run it
daily (cron or a scheduled job); periods are set in Settings > Data
protection."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from website import personal_data
from website.models import DataProtectionSettings


class Command(BaseCommand):
    help = "Anonymise personal data kept longer than the retention settings allow."

    def handle(self, *args, **options):
        settings = DataProtectionSettings.load()
        counts = personal_data.apply_retention(settings, timezone.now())
        for register, count in counts.items():
            self.stdout.write(f"{register}: {count} anonymised")
