"""Courses in the open-data API (openreferral/): each course is a service,
given at the places its upcoming sessions are held (and at a virtual
location when some are online or by phone), with each upcoming session as
a one-off schedule. Registered from TrainingConfig.ready(), as the
course search source is, so the directory's API imports nothing from
training; its skill areas and levels are published as taxonomies."""

from django.db.models import Prefetch

from openreferral import ids
from openreferral.kinds import (
    Listing,
    ServiceKind,
    modified_since,
    organisations_for,
    register,
)
from openreferral.serialisers.common import paragraphs, plain_text
from openreferral.serialisers.locations import place_location, virtual_location
from openreferral.serialisers.schedules import session_schedule
from openreferral.serialisers.services import (
    contacts,
    cost_options,
    languages,
    service_at_location,
    service_fields,
)
from openreferral.serialisers.taxonomies import attribute_json
from openreferral.taxonomies import TAXONOMIES, Taxonomy, model_rows
from openreferral.taxonomies import register as register_taxonomy
from referrals.choices import BARRIERS
from training.models import CoursePage, Session, SkillArea

BARRIER_LABELS = dict(BARRIERS)
LEVEL_LABELS = dict(CoursePage.Level.choices)
REMOTE_NAMES = {CoursePage.Format.ONLINE: "Online", CoursePage.Format.PHONE: "By phone"}

register_taxonomy(
    Taxonomy(
        key="skill-areas",
        name="Essential Digital Skills areas",
        description="The skill areas of the UK Essential Digital Skills framework that a "
        "course teaches.",
        rows=model_rows(SkillArea),
    )
)
register_taxonomy(
    Taxonomy(
        key="course-levels",
        name="Course levels",
        description="How much a course expects people to know already, from first steps "
        "to advanced.",
        rows=lambda: [(value, label, label, value) for value, label in CoursePage.Level.choices],
    )
)


class CourseKind(ServiceKind):
    source = "course"

    def load(self, hits, context, full=False):
        pages = CoursePage.objects.filter(pk__in=[hit.pk for hit in hits])
        if full:
            upcoming = (
                Session.objects.filter(start__gt=context.now)
                .select_related("venue", "venue__area", "venue__area__parent")
                .prefetch_related("venue__accessibility")
                .order_by("start", "pk")
            )
            pages = pages.prefetch_related(
                "skill_areas",
                "accessibility",
                "languages",
                Prefetch("sessions", upcoming, to_attr="api_sessions"),
            )
        pages = list(pages)
        organisations = organisations_for(pages)
        by_hit = {hit.pk: hit for hit in hits}
        sessions = {}
        if not full:
            # The session each hit matched on, for the service_at_location row.
            sessions = Session.objects.select_related(
                "venue", "venue__area", "venue__area__parent"
            ).in_bulk([hit.detail_pk for hit in hits if hit.detail_pk])
        listings = {}
        for page in pages:
            hit = by_hit.get(page.pk)
            detail = sessions.get(hit.detail_pk) if hit else None
            listings[page.pk] = Listing(self.source, page, organisations[page.pk], hit, detail)
        return listings

    def summary(self, listing, context):
        page = listing.page
        return service_fields(
            listing,
            context,
            description=paragraphs(
                page.summary,
                plain_text(page.description),
                f"Who it is for: {page.audience}" if page.audience else "",
                f"What to bring: {page.what_to_bring}" if page.what_to_bring else "",
            ),
        )

    def full(self, listing, context):
        page = listing.page
        service_id = listing.id
        link = context.url(page)
        schedules = []
        for session in page.api_sessions:
            location = self.session_location(page, session, full=False)
            schedules.append(
                session_schedule(
                    session,
                    service_id,
                    ids.service_at_location(service_id, location.id),
                    "In person" if session.venue_id else self.remote_name(page),
                    # An imported course is booked with its provider.
                    page.source_url
                    or link + page.reverse_subpage("book_session", kwargs={"pk": session.pk}),
                )
            )
        return {
            **self.summary(listing, context),
            "schedules": schedules,
            "service_areas": [],
            "service_at_locations": [
                service_at_location(service_id, location)
                for location in self.locations(listing, context)
            ],
            "languages": languages(service_id, page.languages.all()),
            "funding": [],
            "cost_options": cost_options(
                service_id,
                page.cost == CoursePage.Cost.FREE,
                page.get_cost_display(),
                page.cost_note,
            ),
            "contacts": contacts(service_id, page.title, page.email, page.phone),
            "attributes": self.attributes(listing, context),
        }

    def attributes(self, listing, context):
        page = listing.page
        barriers = TAXONOMIES["barriers"]
        terms = [TAXONOMIES["skill-areas"].term_for(area) for area in page.skill_areas.all()]
        label = LEVEL_LABELS.get(page.level, page.level)
        terms.append(TAXONOMIES["course-levels"].term(page.level, label, label, page.level))
        terms += [
            TAXONOMIES["accessibility-features"].term_for(feature)
            for feature in page.accessibility.all()
        ]
        terms += [
            barriers.term(slug, BARRIER_LABELS[slug], BARRIER_LABELS[slug], slug)
            for slug in context.barriers.for_level(page.level)
        ]
        return [attribute_json(listing.id, term) for term in terms]

    def remote_name(self, page):
        return REMOTE_NAMES.get(page.format, "Online or by phone")

    def session_location(self, page, session, full=True):
        """Where a session is held: its venue (the place's own location, as
        the course page names it, whether or not the place is listed now),
        else, online or by phone, the course's virtual location."""
        if session.venue_id is None:
            return virtual_location(self.source, page.pk, self.remote_name(page))
        return place_location(session.venue, full=full)

    def locations(self, listing, context):
        found = {}
        for session in listing.page.api_sessions:
            location = self.session_location(listing.page, session)
            found.setdefault(location.id, location)
        return list(found.values())

    def row_location(self, listing, context):
        if listing.detail is None:
            return None
        return self.session_location(listing.page, listing.detail, full=False)

    def location_ids(self, pks, context):
        rows = (
            Session.objects.filter(page_id__in=pks, start__gt=context.now)
            .values_list("page_id", "venue_id")
            .distinct()
        )
        found = {pk: [] for pk in pks}
        for pk, venue_pk in rows:
            location_id = (
                ids.location("place", venue_pk) if venue_pk else ids.location(self.source, pk)
            )
            if location_id not in found[pk]:
                found[pk].append(location_id)
        return found

    def carrying(self, taxonomy_key, values):
        live = CoursePage.objects.live().public()
        if taxonomy_key == "skill-areas":
            through = CoursePage.skill_areas.through.objects
            return set(
                through.filter(skillarea_id__in=values, coursepage__in=live).values_list(
                    "coursepage_id", flat=True
                )
            )
        if taxonomy_key == "accessibility-features":
            through = CoursePage.accessibility.through.objects
            return set(
                through.filter(accessibilityfeature_id__in=values, coursepage__in=live).values_list(
                    "coursepage_id", flat=True
                )
            )
        if taxonomy_key == "course-levels":
            return set(live.filter(level__in=values).values_list("pk", flat=True))
        if taxonomy_key == "barriers":
            from openreferral.barriers import BarrierRules

            return self.carrying("course-levels", BarrierRules.load().course_levels(values))
        return set()

    def modified_since(self, moment):
        return modified_since(CoursePage, moment)

    def withheld(self):
        """Courses imported from another publisher's feed whose licence does
        not let us republish them (docs/federation.md)."""
        return set(
            CoursePage.objects.filter(source_allows_reuse=False).values_list("pk", flat=True)
        )


register(CourseKind())
