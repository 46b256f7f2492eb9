"""manage.py import_oruk_feed: import coordinators' Open Referral UK feeds
(docs/federation.md). Run nightly from cron; each feed's schedule says
whether tonight is its night."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from federation.importer import run_import
from federation.models import Feed, FeedImport


def due(feed, today):
    if feed.schedule == Feed.Schedule.DAILY:
        return True
    return feed.schedule == Feed.Schedule.WEEKLY and today.weekday() == 0


class Command(BaseCommand):
    help = "Import other publishers' Open Referral UK feeds as listings."

    def add_arguments(self, parser):
        parser.add_argument(
            "feeds",
            nargs="*",
            help="Names or ids of feeds to import now, whatever their schedule.",
        )
        parser.add_argument(
            "--scheduled",
            action="store_true",
            help="Import every feed whose schedule falls today (for cron).",
        )

    def handle(self, *args, feeds, scheduled, **options):
        if feeds:
            chosen = [self.feed(name) for name in feeds]
        elif scheduled:
            today = timezone.localdate()
            chosen = [feed for feed in Feed.objects.all() if due(feed, today)]
        else:
            raise CommandError("Name the feeds to import, or give --scheduled.")
        failed = 0
        for feed in chosen:
            run = run_import(feed)
            self.stdout.write(
                f"{feed.name}: {run.get_outcome_display()}. {run.listed} listed, "
                f"{run.created} new, {run.updated} updated, {run.unchanged} unchanged, "
                f"{run.linked} linked to partners' listings, {run.withdrawn} withdrawn, "
                f"{run.skipped} skipped."
            )
            if run.entries:
                self.stdout.write(run.log_text)
            failed += run.outcome == FeedImport.Outcome.FAILED
        if failed:
            raise CommandError(f"{failed} of {len(chosen)} imports stopped early: see the log.")

    def feed(self, name):
        found = Feed.objects.filter(name=name).first()
        if found is None and name.isdigit():
            found = Feed.objects.filter(pk=int(name)).first()
        if found is None:
            raise CommandError(f"No feed is called {name!r}.")
        return found
