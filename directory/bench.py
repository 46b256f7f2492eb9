"""A synthetic directory at benchmark scale: `seed_bench --listings 10000`.

About a hundred organisations, made the ordinary way (so each gets its
editors group), hold the access points: listing number n belongs to
organisation n // 100 and is the same place on every run, so running again
only tops up to the number asked for and never duplicates.

The access points go in a hundred at a time, as the rows the admin's
"create and publish" writes (see page_rows.py), so they are
indistinguishable from hand-made pages. Courses at these places are the
training app's (training/bench.py).
"""

import datetime
import math
import random
import time
from dataclasses import dataclass

from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from directory import demo, demo_content, place_rows
from directory.models import (
    AccessibilityFeature,
    AccessPointPage,
    Area,
    DirectoryIndexPage,
    Language,
    OrganisationPage,
    ServiceType,
)
from directory.page_rows import NewPage, PageRows

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
            # Written without saving each page: their search rows likewise.
            place_rows.refresh([place.page.pk for place in places])
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
    page.services = services
    page.accessibility = pick(rng, taxonomy.accessibility, ACCESS_ODDS)
    page.languages = rng.sample(taxonomy.languages, rng.choice([0, 0, 0, 1, 2]))
    return NewPage(page=page, published_at=published_at)


def pick(rng, terms, odds):
    return [term for term in terms if rng.random() < odds.get(term.slug, DEFAULT_ODDS)]
