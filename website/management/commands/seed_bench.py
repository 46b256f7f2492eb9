"""Add content at a realistic size for benchmarks: a partnership that has
published news for years and built up many content pages, and, with
`--listings N`, whatever each app adds at that scale (the directory adds N
access points). Run after seed_demo; running again tops up, never duplicates."""

import datetime

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from tests.factories import ContentPageFactory, NewsPageFactory
from website.models import HomePage, NewsIndexPage

PARAGRAPH = (
    "<p>Partners across the area offer free help to get online: wifi, computers, devices "
    "to borrow, free mobile data and one-to-one help from trained digital champions.</p>"
)


class Command(BaseCommand):
    help = "Add bulk news stories and content pages (after seed_demo) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=500)
        parser.add_argument("--pages", type=int, default=100)
        parser.add_argument(
            "--listings",
            type=int,
            default=0,
            help="How many listings each app with an AppConfig.seed_bench method should hold.",
        )

    def handle(self, *args, news, pages, listings, **options):
        home = HomePage.objects.get()
        index = NewsIndexPage.objects.child_of(home).get()
        today = timezone.localdate()
        with transaction.atomic():
            have = index.get_children().filter(slug__startswith="bench-story-").count()
            for number in range(have, news):
                NewsPageFactory(
                    parent=index,
                    slug=f"bench-story-{number}",
                    title=f"Partnership update {number}",
                    date=today - datetime.timedelta(days=number),
                    body=[{"type": "paragraph", "value": PARAGRAPH * 4}],
                )
            have = home.get_children().filter(slug__startswith="bench-page-").count()
            for number in range(have, pages):
                ContentPageFactory(
                    parent=home,
                    slug=f"bench-page-{number}",
                    title=f"Guide {number}: getting online",
                    body=[{"type": "paragraph", "value": PARAGRAPH * 6}],
                )
            # Each app scales its own content (website imports none of them).
            if listings > 0:
                for app_config in apps.get_app_configs():
                    if hasattr(app_config, "seed_bench"):
                        app_config.seed_bench(listings=listings, stdout=self.stdout)
        # Fresh planner statistics after a bulk load (SQLite otherwise picks
        # a full-text plan about five times slower); valid on PostgreSQL too.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"Bench content: {news} news stories, {pages} extra content pages.")
