"""Demo directory: about 25 organisations and 60 access points across the
demo area, at real demo-area postcodes. Called by `seed_demo` through
DirectoryConfig.seed_demo; idempotent."""

import datetime
import random
from collections import defaultdict

from django.core.management import call_command
from django.utils import timezone
from django.utils.text import slugify

from directory import demo_content
from directory.models import (
    AccessibilityFeature,
    AccessPointPage,
    Area,
    DirectoryIndexPage,
    Language,
    OpeningHours,
    OrganisationPage,
    Postcode,
    ServiceType,
)

SEED = 3
SESSIONS = [
    (datetime.time(9, 30), datetime.time(12, 30)),
    (datetime.time(13, 30), datetime.time(16, 30)),
    (datetime.time(10, 0), datetime.time(16, 0)),
    (datetime.time(17, 30), datetime.time(19, 30)),
]


def build(home, stdout):
    call_command("load_postcodes", stdout=stdout)
    taxonomies()
    index = DirectoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = DirectoryIndexPage(
            title="Find help near you",
            slug="find-help",
            intro=(
                "Free wifi, computers to use, devices to borrow, free mobile data and friendly "
                "help to get online, near you."
            ),
        )
        home.add_child(instance=index)
    if OrganisationPage.objects.child_of(index).exists():
        call_command("setup_partnership", stdout=stdout)
        return index
    rng = random.Random(SEED)
    postcodes = postcodes_by_district()
    for number, (name, kind, summary) in enumerate(demo_content.ORGANISATIONS):
        organisation = add_organisation(index, number, name, kind, summary)
        for place in range(3 if number < 10 else 2):
            add_access_point(organisation, number, place, rng, postcodes)
    # Coordinators group, the approval workflow on the directory, and each
    # organisation's editors group.
    call_command("setup_partnership", stdout=stdout)
    return index


def taxonomies():
    for order, (slug, name) in enumerate(demo_content.SERVICE_TYPES):
        ServiceType.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for order, (slug, name) in enumerate(demo_content.ACCESSIBILITY_FEATURES):
        AccessibilityFeature.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
    for order, (slug, name, code) in enumerate(demo_content.LANGUAGES):
        Language.objects.get_or_create(
            slug=slug, defaults={"name": name, "code": code, "sort_order": order}
        )
    for borough, wards in demo_content.AREAS.items():
        parent, _ = Area.objects.get_or_create(slug=slugify(borough), defaults={"name": borough})
        for ward in wards:
            Area.objects.get_or_create(
                slug=slugify(ward),
                defaults={"name": ward, "kind": Area.Kind.WARD, "parent": parent},
            )


def postcodes_by_district():
    grouped = defaultdict(list)
    rows = Postcode.objects.filter(district__in=demo_content.DISTRICT_PLACES).values_list(
        "district", "postcode", "latitude", "longitude"
    )
    for district, postcode, latitude, longitude in rows.order_by("postcode"):
        grouped[district].append((postcode, latitude, longitude))
    return grouped


def add_organisation(index, number, name, kind, summary):
    slug = slugify(name)
    organisation = OrganisationPage(
        title=name,
        slug=slug,
        summary=summary,
        kind=kind,
        email=f"hello@{slug}.example.org",
        phone=f"01632 960{100 + number:03d}",
        website=f"https://{slug}.example.org/",
        charity_number=f"11{number:05d}" if kind == "charity" else "",
    )
    index.add_child(instance=organisation)
    return organisation


def add_access_point(organisation, number, place, rng, postcodes):
    district = rng.choice(sorted(d for d in demo_content.DISTRICT_PLACES if postcodes.get(d)))
    postcode, latitude, longitude = rng.choice(postcodes[district])
    town, ward = demo_content.DISTRICT_PLACES[district]
    venue = demo_content.VENUES[(number + place * 3) % len(demo_content.VENUES)]
    services = rng.sample(list(ServiceType.objects.all()), rng.randint(3, 5))
    if place == 0 and "drop-in" not in {s.slug for s in services}:
        services.append(ServiceType.objects.get(slug="drop-in"))
    outreach = number % 9 == 4 and place == 1
    lends = any(service.slug == "device-loans" for service in services)
    today = timezone.localdate()
    page = AccessPointPage(
        title=f"{organisation.title}: {town} {venue}",
        slug=slugify(f"{town} {venue}"),
        summary=rng.choice(
            [
                "Drop in for free help with phones, tablets and computers.",
                "Friendly volunteers help you get online at your own pace.",
                "Use a computer, print documents and get help with online forms.",
                "Free wifi and help to set up email, video calls and the NHS App.",
            ]
        ),
        address_line_1=""
        if outreach
        else f"{venue}, {rng.randint(1, 120)} {rng.choice(demo_content.STREETS)}",
        town=town,
        postcode=postcode,
        latitude=latitude,
        longitude=longitude,
        hide_address=outreach,
        area=Area.objects.get(slug=slugify(ward)),
        cost=AccessPointPage.Cost.LOW_COST if rng.random() < 0.15 else AccessPointPage.Cost.FREE,
        booking_needed=rng.random() < 0.3,
        phone=organisation.phone,
        email=organisation.email,
        is_databank_hub=rng.random() < 0.25,
        lends_devices=lends,
        devices_in_stock=rng.randint(0, 8) if lends else None,
        temporarily_closed=number in (7, 19) and place == 0,
        closed_message="Closed for refurbishment until the new year." if number == 7 else "",
        last_checked=today - datetime.timedelta(days=rng.randint(0, 300)),
    )
    page.opening_hours = opening_hours(rng)
    organisation.add_child(instance=page)
    page.services.set(services)
    page.accessibility.set(rng.sample(list(AccessibilityFeature.objects.all()), rng.randint(1, 5)))
    page.languages.set(rng.sample(list(Language.objects.all()), rng.choice([0, 0, 1, 2])))
    page.save()
    return page


def opening_hours(rng):
    sessions = []
    for weekday in sorted(rng.sample(range(6), rng.randint(2, 5))):
        opens, closes = rng.choice(SESSIONS)
        sessions.append(OpeningHours(weekday=weekday, opens=opens, closes=closes))
    if rng.random() < 0.3:
        sessions.append(OpeningHours(weekday=rng.randint(0, 4), by_appointment=True))
    return sessions
