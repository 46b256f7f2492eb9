"""A synthetic directory at benchmark scale: `seed_bench --listings 10000`.

About a hundred organisations, made the ordinary way (so each gets its
editors group), hold the access points: listing number n belongs to
organisation n // 100 and is the same place on every run, so running again
only tops up to the number asked for and never duplicates.

Saving 10,000 pages one by one with `add_child` takes a quarter of an hour
or more (about 70 ms a page, before revisions), so the access points go in a
hundred at a time, as rows. The rows are the ones the
admin's "create and publish" writes (see `PageRows`), so the pages are
indistinguishable from hand-made ones: live, routable, searchable, with a
published revision, an audit log and reference-index entries, and a tree
that `fixtree` finds consistent.
"""

import datetime
import math
import random
import time
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from directory import demo, demo_content
from directory.models import (
    AccessibilityFeature,
    AccessPointPage,
    Area,
    DirectoryIndexPage,
    Language,
    OpeningHours,
    OrganisationPage,
    ServiceType,
)

LISTINGS_PER_ORGANISATION = 100

# How likely a place is to offer each service or feature; slugs added later
# by coordinators get DEFAULT_ODDS.
SERVICE_ODDS = {
    "free-wifi": 0.6,
    "public-computers": 0.45,
    "device-loans": 0.2,
    "free-data": 0.25,
    "printing": 0.35,
    "online-forms": 0.4,
    "drop-in": 0.5,
    "one-to-one": 0.3,
    "phone-help": 0.15,
    "staying-safe": 0.25,
}
ACCESS_ODDS = {
    "step-free": 0.65,
    "accessible-toilet": 0.5,
    "hearing-loop": 0.2,
    "assistive-technology": 0.1,
    "large-screens": 0.15,
    "quiet-space": 0.3,
    "parking": 0.45,
    "near-bus-stop": 0.7,
}
DEFAULT_ODDS = 0.2

# Up to about 400 m from the postcode's centroid, as places are spread around
# a real postcode rather than stacked on it.
SCATTER_DEGREES = (0.0036, 0.006)

ORGANISATION_NAMES = [
    ("Digital Friends", "community"),
    ("Community Trust", "charity"),
    ("Tech Buddies", "social_enterprise"),
    ("Library Service", "library"),
    ("Neighbourhood Council", "council"),
    ("Housing Association", "housing"),
    ("Silver Surfers", "community"),
    ("Welcome Centre", "charity"),
]
SUMMARIES = [
    "Drop in for free help with phones, tablets and computers.",
    "Friendly volunteers help you get online at your own pace.",
    "Use a computer, print documents and get help with online forms.",
    "Free wifi and help to set up email, video calls and the NHS App.",
    "Borrow a tablet or laptop and learn to use it with a volunteer.",
    "Help with Universal Credit, job searches and online applications.",
    "A warm space with free wifi, power points and a cup of tea.",
    "Learn to shop, bank and stay safe online in a small group.",
]
DESCRIPTIONS = [
    "Bring your own phone, tablet or laptop, or use one of ours.",
    "Volunteers can help you set up an email account and remember passwords.",
    "We can show you how to book GP appointments and order repeat prescriptions.",
    "Ask about free SIM cards with mobile data if you cannot afford it.",
    "No question is too small, and there is no need to book.",
    "Sessions are relaxed and you can come as often as you like.",
    "We help with Universal Credit journals and council tax online.",
    "Printing costs 10p a page; scanning and copying are free.",
]


@dataclass
class Taxonomy:
    """The coordinator-managed lists and postcodes a synthetic place is
    described with, loaded once per run."""

    services: list
    accessibility: list
    languages: list
    wards: dict
    postcodes: dict

    @classmethod
    def load(cls):
        demo.taxonomies()
        postcodes = demo.postcodes_by_district()
        if not postcodes:
            call_command("load_postcodes", verbosity=0)
            postcodes = demo.postcodes_by_district()
        return cls(
            services=list(ServiceType.objects.order_by("pk")),
            accessibility=list(AccessibilityFeature.objects.order_by("pk")),
            languages=list(Language.objects.order_by("pk")),
            wards={area.name: area for area in Area.objects.filter(kind=Area.Kind.WARD)},
            postcodes={district: rows for district, rows in sorted(postcodes.items()) if rows},
        )


def seed(listings, stdout):
    """Make sure listings 0..listings-1 exist; report how long it took."""
    if listings <= 0:
        return
    index = DirectoryIndexPage.objects.first()
    if index is None:
        raise CommandError("There is no directory to fill: run seed_demo first.")
    started = time.perf_counter()
    taxonomy = Taxonomy.load()
    added = 0
    with transaction.atomic():
        # Organisations first, while the search index they are added to is small.
        organisations = [
            bench_organisation(index, number)
            for number in range(math.ceil(listings / LISTINGS_PER_ORGANISATION))
        ]
        for number, organisation in enumerate(organisations):
            first = number * LISTINGS_PER_ORGANISATION
            last = min(listings, first + LISTINGS_PER_ORGANISATION)
            have = set(organisation.get_children().values_list("slug", flat=True))
            places = [
                synthetic_place(organisation, n, taxonomy)
                for n in range(first, last)
                if listing_slug(n) not in have
            ]
            PageRows(organisation, places).insert()
            added += len(places)
    seconds = time.perf_counter() - started
    stdout.write(
        f"Bench directory: {listings} synthetic access points ({added} added in {seconds:.1f} s)."
    )


def bench_organisation(index, number):
    """Organisation `number`, made as an editor would if it is not there."""
    towns = sorted({town for town, _ward in demo_content.DISTRICT_PLACES.values()})
    town = towns[number % len(towns)]
    name, kind = ORGANISATION_NAMES[number % len(ORGANISATION_NAMES)]
    kind = OrganisationPage.Kind(kind)
    title = f"{town} {name} {number + 1}"
    slug = slugify(title)
    organisation = OrganisationPage.objects.child_of(index).filter(slug=slug).first()
    if organisation is None:
        organisation = OrganisationPage(
            title=title,
            slug=slug,
            summary=f"A {kind.label.lower()} helping people in {town} get online.",
            kind=kind,
            email=f"hello@{slug}.example.org",
            phone=f"01632 960{(500 + number) % 1000:03d}",
            website=f"https://{slug}.example.org/",
        )
        index.add_child(instance=organisation)
        organisation.save_revision(log_action=True).publish()
    return organisation


@dataclass
class SyntheticPlace:
    """An access point not yet saved, with what goes in its related tables."""

    page: AccessPointPage
    services: list
    accessibility: list
    languages: list
    published_at: datetime.datetime


def listing_venue(number):
    return demo_content.VENUES[number % len(demo_content.VENUES)]


def listing_slug(number):
    """Unique under its organisation and known without building the place,
    so a top-up run skips existing listings cheaply."""
    return slugify(f"{listing_venue(number)} {number}")


def synthetic_place(organisation, number, taxonomy):
    """Listing `number`: always the same place, from its own random stream."""
    rng = random.Random(f"bench-listing-{number}")
    district = rng.choice(list(taxonomy.postcodes))
    postcode, latitude, longitude = rng.choice(taxonomy.postcodes[district])
    town, ward = demo_content.DISTRICT_PLACES[district]
    venue = listing_venue(number)
    services = pick(rng, taxonomy.services, SERVICE_ODDS) or [rng.choice(taxonomy.services)]
    lends = any(service.slug == "device-loans" for service in services)
    outreach = rng.random() < 0.05
    now = timezone.now()
    published_at = now - datetime.timedelta(days=rng.randint(1, 730), seconds=rng.randint(0, 86399))
    checked_days_ago = rng.randint(0, min(365, (now - published_at).days))
    page = AccessPointPage(
        title=f"{organisation.title}: {town} {venue}",
        slug=listing_slug(number),
        summary=rng.choice(SUMMARIES),
        description="".join(f"<p>{text}</p>" for text in rng.sample(DESCRIPTIONS, 2)),
        address_line_1=""
        if outreach
        else f"{venue}, {rng.randint(1, 180)} {rng.choice(demo_content.STREETS)}",
        town=town,
        postcode=postcode,
        latitude=round(latitude + rng.uniform(-1, 1) * SCATTER_DEGREES[0], 6),
        longitude=round(longitude + rng.uniform(-1, 1) * SCATTER_DEGREES[1], 6),
        hide_address=outreach,
        area=taxonomy.wards.get(ward),
        cost=AccessPointPage.Cost.LOW_COST if rng.random() < 0.15 else AccessPointPage.Cost.FREE,
        booking_needed=rng.random() < 0.3,
        phone=organisation.phone,
        email=organisation.email,
        is_databank_hub=rng.random() < 0.2,
        lends_devices=lends,
        devices_in_stock=rng.randint(0, 8) if lends else None,
        temporarily_closed=rng.random() < 0.02,
        last_checked=timezone.localdate() - datetime.timedelta(days=checked_days_ago),
    )
    page.opening_hours = demo.opening_hours(rng)
    return SyntheticPlace(
        page=page,
        services=services,
        accessibility=pick(rng, taxonomy.accessibility, ACCESS_ODDS),
        languages=rng.sample(taxonomy.languages, rng.choice([0, 0, 0, 1, 2])),
        published_at=published_at,
    )


def pick(rng, terms, odds):
    return [term for term in terms if rng.random() < odds.get(term.slug, DEFAULT_ODDS)]


class PageRows:
    """Inserts new pages under one parent with the rows Wagtail writes when an
    editor creates and publishes a page in the admin: the tree row and the
    specific row, child and many-to-many rows, a revision that is both latest
    and live, the create/edit/publish log entries, reference-index entries and
    search-index entries. About fifty queries for a batch of a hundred pages,
    where saving them one by one with add_child takes thousands.

    Everything each page needs is set on it in memory first (its children and
    many-to-many values through modelcluster), so serialising the revision
    and indexing the page read no rows back."""

    def __init__(self, parent, places):
        self.parent = parent
        self.places = places
        self.pages = [place.page for place in places]
        self.base_content_type = ContentType.objects.get_for_model(Page)

    def insert(self):
        if not self.places:
            return
        self.prepare()
        self.insert_tree_rows()
        self.insert_specific_rows()
        self.insert_related_rows()
        self.insert_revisions()
        self.insert_log_entries()
        self.index()

    def prepare(self):
        """Paths after the parent's last child, as treebeard's add_child
        would give them one at a time, and the fields Page.full_clean and
        publishing fill in."""
        last = self.parent.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        for offset, place in enumerate(self.places):
            page = place.page
            page.path = Page._get_path(self.parent.path, self.parent.depth + 1, step + offset)
            page.depth = self.parent.depth + 1
            page.numchild = 0
            page.locale_id = self.parent.locale_id
            page.draft_title = page.title
            page.url_path = f"{self.parent.url_path}{page.slug}/"
            for name in ("services", "accessibility", "languages"):
                setattr(page, name, getattr(place, name))
            # A new page has no comments; saying so spares a query per page.
            setattr(page, COMMENTS_RELATION_NAME, [])
            # Bulk inserts skip full_clean: catch values that do not fit.
            page.clean_fields(exclude=["content_type", "locale", "area", "owner"])

    def insert_tree_rows(self):
        names = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
        rows = Page.objects.bulk_create(
            Page(**{name: getattr(page, name) for name in names}) for page in self.pages
        )
        for page, row in zip(self.pages, rows, strict=True):
            page.id = page.page_ptr_id = row.id
            page._state.adding = False
        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + len(rows))
        self.parent.numchild += len(rows)

    def insert_specific_rows(self):
        """The access point table's own columns. bulk_create refuses
        multi-table models, so this makes the insert it would, a batch at a
        time, with the same (private) manager method."""
        fields = AccessPointPage._meta.local_concrete_fields
        size = connection.ops.bulk_batch_size(fields, self.pages)
        for start in range(0, len(self.pages), size):
            AccessPointPage._base_manager._insert(self.pages[start : start + size], fields)

    def insert_related_rows(self):
        hours = []
        for page in self.pages:
            for order, session in enumerate(page.opening_hours.all()):
                session.page_id, session.sort_order = page.pk, order
                hours.append(session)
        OpeningHours.objects.bulk_create(hours)
        for name in ("services", "accessibility", "languages"):
            field = AccessPointPage._meta.get_field(name)
            through = field.remote_field.through
            source, target = field.m2m_column_name(), field.m2m_reverse_name()
            through.objects.bulk_create(
                through(**{source: page.pk, target: term.pk})
                for page in self.pages
                for term in getattr(page, name).all()
            )

    def insert_revisions(self):
        """Each page's only revision, serialised before any revision or
        publishing field is set, as save_revision does; then the page points
        at it as both latest and live, published when it was saved."""
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type_id=place.page.content_type_id,
                base_content_type=self.base_content_type,
                object_id=str(place.page.pk),
                created_at=place.published_at,
                object_str=str(place.page),
                content=place.page.serializable_data(),
            )
            for place in self.places
        )
        revision = Revision.objects.filter(
            base_content_type=self.base_content_type,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        revision_id = Subquery(revision.values("pk")[:1])
        created_at = Subquery(revision.values("created_at")[:1])
        Page.objects.filter(pk__in=[page.pk for page in self.pages]).update(
            latest_revision=revision_id,
            live_revision=revision_id,
            latest_revision_created_at=created_at,
            first_published_at=created_at,
            last_published_at=created_at,
        )
        for page, revision in zip(self.pages, revisions, strict=True):
            page.latest_revision = page.live_revision = revision
            page.latest_revision_created_at = revision.created_at
            page.first_published_at = page.last_published_at = revision.created_at

    def insert_log_entries(self):
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                content_type_id=page.content_type_id,
                page_id=page.pk,
                label=page.get_admin_display_title(),
                action=action,
                revision=None if action == "wagtail.create" else page.live_revision,
                content_changed=True,
                timestamp=page.first_published_at,
            )
            for page in self.pages
            for action in ("wagtail.create", "wagtail.edit", "wagtail.publish")
        )

    def index(self):
        """The reference index has no bulk API: these are the rows
        ReferenceIndex.create_or_update_for_object writes for a new page,
        from the same helpers. The search backends take the pages in bulk."""
        if ReferenceIndex.is_indexed(AccessPointPage):
            ReferenceIndex.objects.bulk_create(
                ReferenceIndex(
                    content_type_id=page.content_type_id,
                    base_content_type=self.base_content_type,
                    object_id=page.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for page in self.pages
                for to_content_type_id, to_object_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(page)
                )
            )
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(AccessPointPage, self.pages)
