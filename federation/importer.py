"""One import of a feed: page through /services, read each /services/{id},
validate it, and write it as a listing, one service per transaction.

- A service that fails validation, or cannot be placed, is skipped and
  logged; its listing from an earlier import (if any) stays as it was.
- If the feed cannot be listed to the end (it breaks, dies, never ends),
  the import stops: services already written stay written (each was whole),
  and nothing is withdrawn, since we do not know what the feed still has.
- Only after a complete listing are the listings of services the feed no
  longer has (or no longer offers: inactive, defunct) withdrawn (unpublished).
- Only the feed's own listings, under its own organisation page, are ever
  written. A partner's listing of the same place is linked, never changed.
- New listings are written a hundred at a time (new_listings.py), each
  batch whole or not at all; what is queued is written before the import
  stops or withdraws anything.
- Courses (course_values.py says which services are) are kept aside as
  they are read and written after the places, one a transaction, so that
  their sessions are held at the places imported from the same feed
  (course_pages.py); they too are written before the import stops or
  withdraws anything."""

import logging

from django.db import transaction
from django.utils import timezone

from directory.models import DirectoryIndexPage, OrganisationPage
from federation import course_pages, listing_pages, paging
from federation.course_values import course_values, is_course
from federation.fetching import FeedClient, FetchError
from federation.mapping import Unmappable, Vocabulary, listing_values
from federation.models import FeedImport, ImportedService
from federation.new_listings import NewListings
from federation.validation import service_problems

logger = logging.getLogger(__name__)

# Services in a row that cannot be read before the feed is taken to be down.
DOWN_AFTER_FAILURES = 5


class Outcome:
    """What became of one service: the name of the import's count to add
    it to, or KEPT (skipped today, its earlier listing stands)."""

    CREATED, UPDATED, UNCHANGED, LINKED = "created", "updated", "unchanged", "linked"
    KEPT = "kept"
    QUEUED = "queued"  # a new listing, counted when its batch is written
    COURSE = "course"  # a course, written after the places


def feed_organisation(feed):
    """The feed's own organisation page under the directory, made on the
    first import. Partners have no rights on it; it takes no referrals (the
    service is contacted directly)."""
    if feed.organisation_id is not None:
        return feed.organisation
    directory = DirectoryIndexPage.objects.first()
    if directory is None:
        raise FetchError("There is no directory page to put the feed's listings under.")
    organisation = OrganisationPage(
        title=feed.name,
        summary=f"Services {feed.name} publishes in its open data, shown here as published.",
        kind=OrganisationPage.Kind.OTHER,
        website=feed.about_url or feed.base_url,
        accepts_referrals=False,
    )
    directory.add_child(instance=organisation)
    feed.organisation = organisation
    feed.save(update_fields=["organisation"])
    return organisation


def run_import(feed, client=None, now=None):
    """Import the feed once; returns its FeedImport (the log entry)."""
    run = FeedImport.objects.create(feed=feed, started_at=now or timezone.now())
    client = client or FeedClient(feed.base_url, feed.requests_per_second)
    try:
        organisation = feed_organisation(feed)
        ids = paging.service_ids(client)
    except FetchError as error:
        run.note(f"Stopped: {error} Nothing was withdrawn.")
        return finish(run, FeedImport.Outcome.FAILED)
    run.listed = len(ids)
    vocabulary, wanted = Vocabulary(), feed.wanted_terms()
    new_listings = NewListings(feed, organisation, run)
    kept, courses, failures_in_a_row = set(), [], 0
    for source_id in ids:
        try:
            data = client.get_json(f"services/{source_id}")
        except FetchError as error:
            run.note(f"not read: {error}", source_id)
            run.skipped += 1
            kept.add(source_id)  # still in the feed: its listing stays as it was
            failures_in_a_row += 1
            if failures_in_a_row == DOWN_AFTER_FAILURES:
                new_listings.flush()
                import_courses(feed, organisation, run, courses, vocabulary, wanted, kept)
                run.note(
                    f"Stopped: {DOWN_AFTER_FAILURES} services in a row could not be read; "
                    "the feed seems to be down. Nothing was withdrawn."
                )
                return finish(run, FeedImport.Outcome.FAILED)
            continue
        failures_in_a_row = 0
        outcome = import_service(
            feed, organisation, run, source_id, data, vocabulary, wanted, new_listings
        )
        if outcome == Outcome.COURSE:
            courses.append((source_id, data))
            continue
        count(run, kept, source_id, outcome)
    new_listings.flush()
    import_courses(feed, organisation, run, courses, vocabulary, wanted, kept)
    run.withdrawn += withdraw_missing(feed, kept)
    return finish(
        run, FeedImport.Outcome.DONE_WITH_PROBLEMS if run.skipped else FeedImport.Outcome.DONE
    )


def count(run, kept, source_id, outcome):
    if outcome is not None:
        kept.add(source_id)
    if outcome not in (None, Outcome.KEPT, Outcome.QUEUED):
        setattr(run, outcome, getattr(run, outcome) + 1)


def import_courses(feed, organisation, run, courses, vocabulary, wanted, kept):
    """Write the courses kept aside, now that the feed's places are."""
    venue_pks = course_pages.venues(feed) if courses else {}
    for source_id, data in courses:
        outcome = import_course(
            feed, organisation, run, source_id, data, vocabulary, wanted, venue_pks
        )
        count(run, kept, source_id, outcome)
    courses.clear()


def import_course(feed, organisation, run, source_id, data, vocabulary, wanted, venue_pks):
    """Write one course (already validated); the outcome's name, or None
    when the feed does not offer it to us."""
    try:
        values = course_values(data, vocabulary)
        if (wanted and not (values.terms & wanted)) or not values.active:
            return None
        with transaction.atomic():
            outcome = course_pages.write(feed, organisation, source_id, data, values, venue_pks)
    except listing_pages.NotSaved as error:
        return skipped(run, feed, source_id, str(error))
    except Exception as error:  # a feed must never stop the import with a crash
        logger.exception("Feed %s course %s could not be imported", feed.pk, source_id)
        return skipped(run, feed, source_id, f"could not be imported ({type(error).__name__}).")
    if outcome in (Outcome.CREATED, Outcome.UPDATED):
        for note in values.schedule_notes:
            run.note(note, source_id)
    return outcome


def import_service(feed, organisation, run, source_id, data, vocabulary, wanted, new_listings):
    """Write (or, if new, queue) one service; the outcome's name, or None
    when the feed does not offer it to us (not one of the terms asked for;
    withdrawn at source)."""
    problems = service_problems(data)
    if not problems and data.get("id") != source_id:
        problems = [f"id: the service at /services/{source_id} says it is {data.get('id')!r}"]
    if problems:
        return skipped(
            run, feed, source_id, "not a valid UK profile service: " + "; ".join(problems)
        )
    if is_course(data):
        return Outcome.COURSE
    try:
        values = listing_values(data, vocabulary)
        if (wanted and not (values.terms & wanted)) or not values.active:
            return None
        if new_listings.takes(source_id, values):
            new_listings.add(source_id, data, values)
            return Outcome.QUEUED
        with transaction.atomic():
            outcome = listing_pages.write(
                feed, organisation, source_id, data, values, new_listings.partners
            )
    except (Unmappable, listing_pages.NotSaved) as error:
        return skipped(run, feed, source_id, str(error))
    except Exception as error:  # a feed must never stop the import with a crash
        logger.exception("Feed %s service %s could not be imported", feed.pk, source_id)
        return skipped(run, feed, source_id, f"could not be imported ({type(error).__name__}).")
    if outcome in (Outcome.CREATED, Outcome.UPDATED):
        # Said when the listing is written, not again on every unchanged night.
        for note in values.schedule_notes:
            run.note(note, source_id)
    return outcome


def skipped(run, feed, source_id, why):
    """Log a skipped service. An earlier import of it stands (a bad answer
    today does not withdraw it): KEPT; else None."""
    run.note(f"skipped: {why}", source_id)
    run.skipped += 1
    if ImportedService.objects.filter(feed=feed, source_id=source_id).exists():
        return Outcome.KEPT
    return None


def withdraw_missing(feed, kept):
    """Unpublish the listings of services the feed no longer offers us."""
    gone = ImportedService.objects.filter(feed=feed, withdrawn=False).exclude(source_id__in=kept)
    count = 0
    for imported in gone.select_related("page", "course"):
        with transaction.atomic():
            listing_pages.withdraw(imported)
        count += 1
    return count


def finish(run, outcome):
    run.outcome = outcome
    run.finished_at = timezone.now()
    run.save()
    logger.info(
        "Imported feed %s: %s, %s listed, %s created, %s updated, %s linked, %s withdrawn, "
        "%s skipped",
        run.feed_id,
        outcome,
        run.listed,
        run.created,
        run.updated,
        run.linked,
        run.withdrawn,
        run.skipped,
    )
    return run
