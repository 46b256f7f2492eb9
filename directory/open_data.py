"""Open downloads: every published listing as CSV and JSON, under the
licence in Settings > Open data, for anyone to reuse.

Each kind of listing is a `Dataset`. Access points are defined here; another
app adds its own with `register()` from its AppConfig.ready() (training
adds courses that way), as listing sources join the search, so this module
never imports the apps that plug into it.

What a download holds is what the public pages already show, and no more:
no personal data, and where a listing hides its exact address (help at home
or on outreach) the address lines, postcode and coordinates are left out,
as they are on its page. Only listings that are live, public and shown
today are included.

A dataset loads in a fixed number of queries however many listings there
are: the pages, then one query for each related list (services, hours…),
each filtered by a subquery rather than a list of ids, so ten thousand
listings never hit a database's limit on query parameters. The finished
file is cached under the search cache's generation (search_cache.py), which
moves on whenever a listing or a list changes, so a download is rebuilt
after the next publish and at most once a day otherwise."""

import dataclasses
import hashlib
import html
import json
import re
from collections import defaultdict, namedtuple
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Site

from directory import search_cache
from directory.hours import DAY_NAMES, describe_session
from directory.models import AccessPointPage, OpeningHours, OrganisationPage
from website.spreadsheets import csv_text

CACHE_SECONDS = 60 * 60 * 24


@dataclasses.dataclass(frozen=True)
class Dataset:
    """One kind of listing as open data. `records(today, base_url)` returns
    a list of plain dicts (the JSON items); `columns` are (CSV heading,
    function from a record to the cell)."""

    name: str
    title: str
    description: str
    records: Callable
    columns: tuple[tuple[str, Callable], ...]


DATASETS = []


def register(dataset):
    """Add a dataset, or replace the one of the same name."""
    DATASETS[:] = [known for known in DATASETS if known.name != dataset.name] + [dataset]


def dataset_named(name):
    return next((dataset for dataset in DATASETS if dataset.name == name), None)


# What every dataset shares.


TAG = re.compile(r"<[^>]*>")


def plain_text(rich_text):
    """Rich text as plain text: tags and entities gone, one line. Wagtail
    stores rich text as well-formed HTML with any < in the text escaped, so
    removing what is between < and > removes exactly the tags (and costs a
    tenth of Django's strip_tags, which parses)."""
    return " ".join(html.unescape(TAG.sub(" ", rich_text or "")).split())


def yes_no(value):
    return "yes" if value else "no"


def joined(values):
    return "; ".join(values)


def shown_on(today):
    """Listings shown on the public site today (their show-from and
    show-until dates allow it)."""
    return (Q(show_from__isnull=True) | Q(show_from__lte=today)) & (
        Q(show_until__isnull=True) | Q(show_until__gte=today)
    )


def names_by_page(through, page_field, term_field, pages):
    """{page id: [term names in the list's order]} for a many-to-many list,
    in one query whatever the number of pages."""
    result = defaultdict(list)
    rows = (
        through.objects.filter(**{f"{page_field}__in": pages.values("pk")})
        .order_by(f"{term_field}__sort_order", f"{term_field}__name")
        .values_list(page_field, f"{term_field}__name")
    )
    for page_id, name in rows:
        result[page_id].append(name)
    return result


class PageLinks:
    """Full addresses of pages from their url_path, using the site's root
    paths (cached by Wagtail), so a thousand pages cost no query each."""

    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")
        self.roots = [
            (root_path, root_url)
            for _site_id, root_path, root_url, _language in Site.get_site_root_paths()
        ]

    def url(self, url_path):
        for root_path, root_url in self.roots:
            if url_path.startswith(root_path):
                return (root_url or self.base_url).rstrip("/") + "/" + url_path[len(root_path) :]
        return ""


def organisations_by_path():
    """{organisation path: (id, name)} for every organisation: few rows."""
    return {
        path: (pk, title)
        for pk, path, title in OrganisationPage.objects.values_list("pk", "path", "title")
    }


# Access points.


PAGE_FIELDS = (
    "pk",
    "path",
    "url_path",
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
    "area__name",
    "area__parent__name",
    "cost",
    "booking_needed",
    "is_databank_hub",
    "lends_devices",
    "temporarily_closed",
    "closed_message",
    "phone",
    "email",
    "website",
    "last_checked",
)
# Opening hours as plain rows: what hours.describe_session reads.
Hours = namedtuple("Hours", "weekday opens closes by_appointment note")


def access_point_records(today, base_url):
    """Plain rows rather than page objects: building ten thousand Wagtail
    pages (and fifty thousand opening-hours rows) costs more than the
    queries do."""
    # Listings imported from a feed whose licence does not let us republish
    # it stay on our pages only (docs/federation.md).
    pages = (
        AccessPointPage.objects.live().public().filter(shown_on(today), source_allows_reuse=True)
    )
    through = AccessPointPage.services.through
    services = names_by_page(through, "accesspointpage_id", "servicetype", pages)
    through = AccessPointPage.accessibility.through
    accessibility = names_by_page(through, "accesspointpage_id", "accessibilityfeature", pages)
    through = AccessPointPage.languages.through
    languages = names_by_page(through, "accesspointpage_id", "language", pages)
    hours = defaultdict(list)
    rows = (
        OpeningHours.objects.filter(page_id__in=pages.values("pk"))
        .order_by("page_id", "weekday", "opens", "pk")
        .values_list("page_id", *Hours._fields)
    )
    for page_id, *session in rows:
        hours[page_id].append(Hours(*session))
    organisations = organisations_by_path()
    links = PageLinks(base_url)
    return [
        access_point_record(
            page,
            links.url(page["url_path"]),
            organisations.get(page["path"][: -AccessPointPage.steplen], (None, "")),
            services[page["pk"]],
            accessibility[page["pk"]],
            languages[page["pk"]],
            hours[page["pk"]],
        )
        for page in pages.order_by("path").values(*PAGE_FIELDS)
    ]


COSTS = dict(AccessPointPage.Cost.choices)


def access_point_record(page, url, organisation, services, accessibility, languages, hours):
    """One access point, from its row of PAGE_FIELDS."""
    hidden = page["hide_address"]
    latitude, longitude = page["latitude"], page["longitude"]
    return {
        "id": page["pk"],
        "name": page["title"],
        "url": url,
        "organisation": {"id": organisation[0], "name": organisation[1]},
        "summary": page["summary"],
        "description": plain_text(page["description"]),
        "address": {
            "line_1": "" if hidden else page["address_line_1"],
            "line_2": "" if hidden else page["address_line_2"],
            "town": page["town"],
            "postcode": "" if hidden else page["postcode"],
            "area": page["area__name"] or "",
            "borough": page["area__parent__name"] or "",
        },
        "address_hidden": hidden,
        "latitude": None if hidden or latitude is None else round(latitude, 5),
        "longitude": None if hidden or longitude is None else round(longitude, 5),
        "services": services,
        "accessibility": accessibility,
        "languages": languages,
        "cost": COSTS.get(page["cost"], page["cost"]),
        "booking_needed": page["booking_needed"],
        "national_databank_hub": page["is_databank_hub"],
        "lends_devices": page["lends_devices"],
        "temporarily_closed": page["temporarily_closed"],
        "closed_message": page["closed_message"] if page["temporarily_closed"] else "",
        "opening_hours": [
            {
                "day": DAY_NAMES[session.weekday],
                "opens": session.opens.strftime("%H:%M") if session.opens else None,
                "closes": session.closes.strftime("%H:%M") if session.closes else None,
                "by_appointment": session.by_appointment,
                "note": session.note,
                "text": f"{DAY_NAMES[session.weekday]} {describe_session(session)}",
            }
            for session in hours
        ],
        "phone": page["phone"],
        "email": page["email"],
        "website": page["website"],
        "last_checked": page["last_checked"].isoformat(),
    }


ACCESS_POINTS = Dataset(
    name="access-points",
    title="Access points",
    description=(
        "Every place listed in the directory: where it is (the town and area only where a "
        "place does not publish its address), when it is open, what help it offers and how "
        "accessible it is."
    ),
    records=access_point_records,
    columns=(
        ("id", lambda r: r["id"]),
        ("name", lambda r: r["name"]),
        ("url", lambda r: r["url"]),
        ("organisation", lambda r: r["organisation"]["name"]),
        ("summary", lambda r: r["summary"]),
        ("address_line_1", lambda r: r["address"]["line_1"]),
        ("address_line_2", lambda r: r["address"]["line_2"]),
        ("town", lambda r: r["address"]["town"]),
        ("postcode", lambda r: r["address"]["postcode"]),
        ("area", lambda r: r["address"]["area"]),
        ("borough", lambda r: r["address"]["borough"]),
        ("latitude", lambda r: r["latitude"]),
        ("longitude", lambda r: r["longitude"]),
        ("services", lambda r: joined(r["services"])),
        ("accessibility", lambda r: joined(r["accessibility"])),
        ("languages", lambda r: joined(r["languages"])),
        ("cost", lambda r: r["cost"]),
        ("booking_needed", lambda r: yes_no(r["booking_needed"])),
        ("national_databank_hub", lambda r: yes_no(r["national_databank_hub"])),
        ("lends_devices", lambda r: yes_no(r["lends_devices"])),
        ("temporarily_closed", lambda r: yes_no(r["temporarily_closed"])),
        ("closed_message", lambda r: r["closed_message"]),
        ("opening_hours", lambda r: joined(session["text"] for session in r["opening_hours"])),
        ("phone", lambda r: r["phone"]),
        ("email", lambda r: r["email"]),
        ("website", lambda r: r["website"]),
        ("last_checked", lambda r: r["last_checked"]),
    ),
)
register(ACCESS_POINTS)


# The files.


@dataclasses.dataclass(frozen=True)
class Licence:
    name: str
    url: str
    attribution: str


def json_document(dataset, records, licence, generated):
    return json.dumps(
        {
            "title": dataset.title,
            "description": dataset.description,
            "licence": {"name": licence.name, "url": licence.url},
            "attribution": licence.attribution,
            "generated": generated.isoformat(timespec="seconds"),
            "count": len(records),
            "items": records,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def csv_document(dataset, records):
    headings = [heading for heading, _cell in dataset.columns]
    rows = ([cell(record) for _heading, cell in dataset.columns] for record in records)
    return csv_text(headings, rows)


def build(dataset, file_format, licence, base_url, now=None):
    """The file's text, built now."""
    now = now or timezone.localtime()
    records = dataset.records(now.date(), base_url)
    if file_format == "json":
        return json_document(dataset, records, licence, now)
    return csv_document(dataset, records)


def cache_key(dataset, file_format, licence, base_url, today):
    detail = repr((dataset.name, file_format, dataclasses.astuple(licence), base_url))
    digest = hashlib.sha256(detail.encode()).hexdigest()[:24]
    return f"directory:open-data:{search_cache.generation()}:{today.isoformat()}:{digest}"


def download(dataset, file_format, licence, base_url, now=None):
    """The file as UTF-8 bytes, from the cache when nothing has changed."""
    now = now or timezone.localtime()
    key = cache_key(dataset, file_format, licence, base_url, now.date())
    content = cache.get(key)
    if content is None:
        content = build(dataset, file_format, licence, base_url, now).encode("utf-8")
        cache.set(key, content, CACHE_SECONDS)
    return content
