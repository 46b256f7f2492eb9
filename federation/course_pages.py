"""Writing imported courses as training.CoursePages under the feed's
organisation page, with their dated sessions: made live without a revision,
as imported places are (listing_pages.py), updated in place when the
service (or the place a session is held at) changes, unpublished when it
is withdrawn. Courses are written after the import's places, so that a
session's venue is the place imported from the same feed. Callers hold a
transaction."""

import hashlib
import json

from django.utils import timezone

from federation.course_values import IMPORTED_CAPACITY
from federation.listing_pages import page_slug, saved_under, without_people
from federation.mapping import fingerprint
from federation.models import ImportedService
from federation.schedules import NOTE_LENGTH
from training.models import CoursePage, Session

COURSE_FIELDS = (
    "title",
    "summary",
    "description",
    "audience",
    "what_to_bring",
    "level",
    "format",
    "cost",
    "cost_note",
    "phone",
    "email",
)


def venues(feed):
    """{location id in the feed: the pk of the place shown for it}: the
    feed's imported places (or the partner's listing one is linked to)."""
    found = {}
    imported = ImportedService.objects.filter(feed=feed, withdrawn=False, course__isnull=True).only(
        "data", "page_id", "duplicate_of_id", "decision"
    )
    for service in imported.iterator(chunk_size=500):
        shown = service.duplicate_of_id if service.shown_as_duplicate else service.page_id
        if shown is None:
            continue
        for at_location in service.data.get("service_at_locations", []):
            location_id = (at_location.get("location") or {}).get("id")
            if location_id:
                found.setdefault(location_id, shown)
    return found


def write(feed, organisation, source_id, data, values, venue_pks):
    """Record the course and write its page; the outcome's name. Nothing is
    written when neither the service nor its sessions' places changed."""
    sessions = [
        (session, None if session.remote else venue_pks.get(session.location_id))
        for session in values.sessions
    ]
    digest = hashlib.sha256(
        (fingerprint(data) + json.dumps([venue for _session, venue in sessions])).encode()
    ).hexdigest()
    imported, created = ImportedService.objects.select_related("course", "page").get_or_create(
        feed=feed, source_id=source_id, defaults={"name": values.title[:255]}
    )
    changed = created or imported.fingerprint != digest or imported.withdrawn
    if not changed and imported.course is not None and imported.course.live:
        return "unchanged"
    imported.name = values.title[:255]
    imported.data = without_people(data)
    imported.fingerprint = digest
    imported.changed_at = timezone.now()
    imported.withdrawn = False
    page = fill_page(imported.course or CoursePage(), feed, source_id, values, sessions)
    imported.course = saved_under(organisation, page)
    imported.save()
    if imported.page_id is not None and imported.page.live:
        imported.page.unpublish(log_action=False)  # it was a place in an earlier import
    return "created" if created else "updated"


def session_note(session, venue):
    """The session's notes; where it is, in words, when it is held at a
    place we do not list (the feed's course names one it has no service
    for)."""
    note = session.note
    if venue is None and session.place:
        note = "; ".join(part for part in (f"At {session.place}", note) if part)
    return note if len(note) <= NOTE_LENGTH else note[: NOTE_LENGTH - 1] + "…"


def fill_page(page, feed, source_id, values, sessions):
    for field in COURSE_FIELDS:
        setattr(page, field, getattr(values, field))
    # Not the slug a place of the same service has (it may have been one).
    page.slug = page_slug(values.title, f"course {source_id}")
    page.draft_title = page.title
    page.source_id = source_id
    page.source_name = feed.name
    page.source_url = feed.service_url(source_id)
    page.source_updated = values.updated or timezone.localdate()
    page.source_allows_reuse = feed.allows_reuse
    page.skill_areas = values.skill_areas
    page.accessibility = values.features
    page.languages = values.languages
    page.sessions = [
        Session(
            start=session.start,
            end=session.end,
            venue_id=venue,
            capacity=IMPORTED_CAPACITY,
            note=session_note(session, venue),
        )
        for session, venue in sessions
    ]
    page.live = True
    page.has_unpublished_changes = False
    page.last_published_at = timezone.now()
    if page.pk is None:
        page.first_published_at = page.last_published_at
    return page
