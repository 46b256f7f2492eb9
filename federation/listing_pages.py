"""Writing imported services as AccessPointPages under the feed's
organisation page: made live without a revision (their history is at the
source and in the feed's import log), updated in place when the service
changes, unpublished when it is withdrawn or when it turns out to be a
partner's place (the partner's listing wins). Callers hold a transaction."""

import hashlib

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from directory import search_cache
from directory.models import AccessPointPage, OpeningHours
from federation.duplicates import partner_match
from federation.mapping import Vocabulary, fingerprint, listing_values
from federation.models import ImportedService
from training.models import CoursePage
from website import page_cache

PAGE_FIELDS = (
    "title",
    "summary",
    "description",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "hide_address",
    "latitude",
    "longitude",
    "uprn",
    "cost",
    "phone",
    "email",
    "website",
    "temporarily_closed",
    "closed_message",
)


class NotSaved(Exception):
    """The listing would not be valid: why, in words."""


def page_slug(title, source_id):
    """Unique among the feed's listings however many share a name."""
    digest = hashlib.sha256(source_id.encode()).hexdigest()[:8]
    return f"{slugify(title)[:60] or 'service'}-{digest}"


def write(feed, organisation, source_id, data, values, partners=None):
    """Record the service and write its listing; the outcome's name. A
    service that has not changed since the last import costs no write.
    `partners`: the import's PartnerIndex (else the directory is asked)."""
    imported, created = ImportedService.objects.select_related("page", "course").get_or_create(
        feed=feed, source_id=source_id, defaults={"name": values.title[:255]}
    )
    digest = fingerprint(data)
    changed = created or imported.fingerprint != digest or imported.withdrawn
    match = (imported.duplicate_of_id, imported.match_reason)
    if imported.decision == ImportedService.Decision.AUTOMATIC:
        if partners is None:
            partner, reason = partner_match(values.title, values.postcode, values.uprn)
            match = (partner.pk if partner else None, reason)
        else:
            match = partners.match(values.title, values.postcode, values.uprn)
    if changed or match != (imported.duplicate_of_id, imported.match_reason):
        imported.name = values.title[:255]
        imported.postcode = values.postcode
        imported.uprn = values.uprn
        imported.data = without_people(data)
        imported.fingerprint = digest
        imported.changed_at = timezone.now()
        imported.withdrawn = False
        imported.duplicate_of_id, imported.match_reason = match
        imported.save()
    if imported.shown_as_duplicate:
        hide(imported)
        return "linked"
    if not changed and imported.page is not None and imported.page.live:
        return "unchanged"
    page = save_page(feed, organisation, imported, values)
    if imported.page_id != page.pk:
        imported.page = page
        imported.save(update_fields=["page"])
    if imported.course is not None and imported.course.live:
        imported.course.unpublish(log_action=False)  # it was a course in an earlier import
    return "created" if created else "updated"


def record(feed, source_id, data, values, page):
    """A new ImportedService for a service whose new listing is `page`
    (written in bulk: new_listings.py), unsaved."""
    return ImportedService(
        feed=feed,
        source_id=source_id,
        name=values.title[:255],
        postcode=values.postcode,
        uprn=values.uprn,
        page=page,
        data=without_people(data),
        fingerprint=fingerprint(data),
        changed_at=timezone.now(),
    )


def without_people(data):
    """The service as kept for coordinators' overrides, less what names or
    reaches a person (contacts' names, titles and emails; the assurer's
    email): our listing never shows them, so we do not keep them."""
    kept = {key: value for key, value in data.items() if key != "assurer_email"}
    kept["contacts"] = [
        {"phones": contact.get("phones", [])} for contact in data.get("contacts", [])
    ]
    return kept


def save_page(feed, organisation, imported, values):
    page = fill_page(imported.page or AccessPointPage(), feed, imported.source_id, values)
    return saved_under(organisation, page)


def saved_under(organisation, page):
    """The imported page added under the feed's organisation, or saved
    again; NotSaved with the reasons when it fails the page's checks."""
    try:
        if page.pk is None:
            organisation.add_child(instance=page)
        else:
            page.save()
    except ValidationError as error:
        raise NotSaved("; ".join(described(error))) from error
    return page


def fill_page(page, feed, source_id, values):
    """The listing's fields, children and lists set from the service, live
    (not yet saved)."""
    page.source_id = source_id
    for field in PAGE_FIELDS:
        setattr(page, field, getattr(values, field))
    page.slug = page_slug(values.title, source_id)
    page.draft_title = page.title
    page.source_name = feed.name
    page.source_url = feed.service_url(source_id)
    page.source_updated = values.updated or timezone.localdate()
    page.source_allows_reuse = feed.allows_reuse
    page.last_checked = page.source_updated
    page.opening_hours = [
        OpeningHours(
            weekday=row.weekday,
            opens=row.opens,
            closes=row.closes,
            by_appointment=row.by_appointment,
            note=row.note,
        )
        for row in values.hours
    ]
    page.services = values.service_types
    page.accessibility = values.features
    page.languages = values.languages
    page.live = True
    page.has_unpublished_changes = False
    page.last_published_at = timezone.now()
    if page.pk is None:
        page.first_published_at = page.last_published_at
    return page


def described(error):
    if hasattr(error, "message_dict"):
        return [f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()]
    return list(error.messages)


def hide(imported):
    """Unpublish the import's own listing (or course), if it has one."""
    for page in (imported.page, imported.course):
        if page is not None and page.live:
            page.unpublish(log_action=False)


def withdraw(imported):
    imported.withdrawn = True
    imported.save(update_fields=["withdrawn"])
    hide(imported)


def apply_decision(imported):
    """After a coordinator overrides a match: show the import's own listing
    (different places) or only the partner's (the same place), from the
    service as last imported, with no request to the feed."""
    feed = imported.feed
    if imported.withdrawn or imported.course_id is not None:
        return  # a course is never a partner's place
    if imported.shown_as_duplicate:
        hide(imported)
        return
    values = listing_values(imported.data, Vocabulary())
    page = save_page(feed, feed.organisation, imported, values)
    if imported.page_id != page.pk:
        imported.page = page
        imported.save(update_fields=["page"])


def recredit(feed):
    """After a coordinator renames a feed or changes its licence: its
    listings' credit line, and whether our API and downloads carry them."""
    AccessPointPage.objects.filter(imported_from__feed=feed).update(
        source_name=feed.name, source_allows_reuse=feed.allows_reuse
    )
    CoursePage.objects.filter(imported_from__feed=feed).update(
        source_name=feed.name, source_allows_reuse=feed.allows_reuse
    )
    organisation = feed.organisation
    if organisation is not None and organisation.title != feed.name:
        organisation.title = feed.name
        organisation.save()
    search_cache.invalidate()
    page_cache.content_changed()
