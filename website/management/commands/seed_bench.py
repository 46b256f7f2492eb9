"""Add content at a realistic size for benchmarks: a partnership that has
published news for years and built up many content pages."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
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

    def handle(self, *args, news, pages, **options):
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
        self.stdout.write(f"Bench content: {news} news stories, {pages} extra content pages.")
