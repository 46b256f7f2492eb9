"""New listings, written a hundred at a time: what makes a feed's first
import fast.

Publishing pages one by one costs, for each, the tree insert and the
parent's update, the search index (twice: AccessPointPage.save indexes
again once its lists are saved), the reference index, the search row and a
page-cache purge for every row saved. A new service that is no partner's
place is instead checked in memory as saving it would check it (its fields
and AccessPointPage.clean: the postcode placed, the district found), then
queued; a full queue is written in one transaction as the rows one by one
saving would write (directory/page_rows.py, less the revision and log
entries imported listings never have: listing_pages.py), with its search
rows, its ImportedService rows, one search-index call for the batch and
one purge of the caches.

The guarantees stand. A service that fails the checks is skipped before it
is queued. A batch is written whole or not at all; if writing it fails,
its services are written again one by one, each in its own transaction, so
one that cannot be saved is skipped and the others are not lost. A process
killed mid-batch loses only that batch's new listings (none half-made); the
importer writes what is queued before it stops or withdraws anything.
Updates, links to partners' listings and withdrawals go one by one, as
before (listing_pages.py)."""

import dataclasses
import logging

from django.core.exceptions import ValidationError
from django.db import transaction

from directory import place_rows, search_cache
from directory.models import AccessPointPage
from directory.page_rows import NewPage, PageRows
from federation import listing_pages
from federation.duplicates import PartnerIndex
from federation.models import ImportedService
from website import page_cache

logger = logging.getLogger(__name__)

BATCH = 100


class ImportedPageRows(PageRows):
    """The rows of new pages, made live with no revision and no log entry,
    as listing_pages.save_page makes an imported listing."""

    def insert_revisions(self):
        pass

    def insert_log_entries(self):
        pass


@dataclasses.dataclass
class Queued:
    source_id: str
    data: dict
    values: object
    page: AccessPointPage


class NewListings:
    """The queue of one import's new listings. `takes` says whether a
    service goes in it (new to us and no partner's place); `add` checks and
    queues it; `flush` writes the queue, counting each service on the run
    as created, or skipped with why."""

    def __init__(self, feed, organisation, run):
        self.feed, self.organisation, self.run = feed, organisation, run
        self.known = set(
            ImportedService.objects.filter(feed=feed).values_list("source_id", flat=True)
        )
        self.slugs = set(organisation.get_children().values_list("slug", flat=True))
        self.partners = PartnerIndex()
        self.queue = []

    def takes(self, source_id, values):
        if source_id in self.known:
            return False
        partner, _reason = self.partners.match(values.title, values.postcode, values.uprn)
        return partner is None

    def add(self, source_id, data, values):
        """Check and queue a new listing; NotSaved (why) when it would not
        save."""
        page = listing_pages.fill_page(AccessPointPage(), self.feed, source_id, values)
        if page.slug in self.slugs:
            # As one-by-one saving would refuse it (slugs are unique among
            # the feed's listings): the title and 8 hex digits of the id agree.
            raise listing_pages.NotSaved(f"slug: {page.slug} is already taken.")
        # Its place in the tree is given when the batch is written.
        unplaced = ["path", "depth"]
        unplaced += [field.name for field in page._meta.concrete_fields if field.is_relation]
        try:
            page.clean_fields(exclude=unplaced)
            page.clean()
        except ValidationError as error:
            raise listing_pages.NotSaved("; ".join(listing_pages.described(error))) from error
        self.slugs.add(page.slug)
        self.known.add(source_id)
        self.queue.append(Queued(source_id, data, values, page))
        if len(self.queue) >= BATCH:
            self.flush()

    def flush(self):
        queued, self.queue = self.queue, []
        if not queued:
            return
        try:
            with transaction.atomic():
                self.write(queued)
        except Exception:
            logger.exception("Feed %s: a batch of new listings failed", self.feed.pk)
            self.organisation.refresh_from_db(fields=["numchild"])  # as rolled back
            self.write_one_by_one(queued)
            return
        for item in queued:
            self.created(item)

    def write(self, queued):
        pages = [item.page for item in queued]
        ImportedPageRows(
            self.organisation, [NewPage(page, page.last_published_at) for page in pages]
        ).insert()
        place_rows.refresh([page.pk for page in pages])
        ImportedService.objects.bulk_create(
            listing_pages.record(self.feed, item.source_id, item.data, item.values, item.page)
            for item in queued
        )
        search_cache.invalidate()
        page_cache.content_changed()

    def write_one_by_one(self, queued):
        """After a failed batch: each service in its own transaction, from
        a fresh page (the failed one may hold the rolled-back ids)."""
        for item in queued:
            try:
                with transaction.atomic():
                    listing_pages.write(
                        self.feed,
                        self.organisation,
                        item.source_id,
                        item.data,
                        item.values,
                        self.partners,
                    )
            except listing_pages.NotSaved as error:
                self.skipped(item, str(error))
            except Exception as error:  # a feed must never stop the import with a crash
                logger.exception("Feed %s service %s failed", self.feed.pk, item.source_id)
                self.skipped(item, f"could not be imported ({type(error).__name__}).")
            else:
                self.created(item)

    def created(self, item):
        self.run.created += 1
        for note in item.values.schedule_notes:
            self.run.note(note, item.source_id)

    def skipped(self, item, why):
        self.run.note(f"skipped: {why}", item.source_id)
        self.run.skipped += 1
