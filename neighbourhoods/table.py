"""The rows the "Where help is needed" page shows, prepared from the areas,
one indicator and the stored reach: each area's figure, its band (which
fifth of the areas it falls in, worst first), the nearest access point,
counts of people (hidden when small, for the public: impact/suppression.py)
and the barriers most recorded. Gaps are the worst fifth with no access
point within the gap distance. Plain functions; templates write these out.
Three queries however many areas."""

import dataclasses
import math

from django.db.models import Value
from wagtail.models import Page

from impact.suppression import HIDDEN_TEXT, SMALLEST_SHOWN
from neighbourhoods.grid import METRES_PER_MILE
from neighbourhoods.models import Area, IndicatorValue
from referrals.choices import BARRIERS

BANDS = 5
BARRIERS_SHOWN = 4
BARRIER_LABELS = dict(BARRIERS)
SORTS = {
    "area": "Area",
    "value": "Figure",
    "distance": "Nearest access point",
    "referrals": "Referrals",
}


@dataclasses.dataclass(frozen=True)
class Count:
    """A count of people as shown: exact, or hidden when small."""

    value: int
    hidden: bool

    @property
    def text(self):
        return HIDDEN_TEXT if self.hidden else f"{self.value:,}"

    @property
    def sort_value(self):
        # Hidden counts sort together, between none and the smallest shown.
        return SMALLEST_SHOWN - 0.5 if self.hidden else self.value


@dataclasses.dataclass(frozen=True)
class AreaRow:
    code: str
    name: str
    value: float | None
    band: int | None  # 1 (worst fifth) to 5; None without a figure
    latitude: float
    longitude: float
    geometry: str
    place_title: str
    place_url: str
    metres: float | None
    referrals: Count
    bookings: Count
    champions: Count
    barriers: tuple[str, ...]
    gap: bool

    @property
    def miles(self):
        return None if self.metres is None else self.metres / METRES_PER_MILE

    @property
    def distance_text(self):
        return "none listed" if self.metres is None else f"{self.miles:,.1f} miles"

    @property
    def value_text(self):
        return "no figure" if self.value is None else f"{self.value:,.2f}".rstrip("0").rstrip(".")


def count(value, public):
    return Count(value=value, hidden=public and 0 < value < SMALLEST_SHOWN)


def barrier_texts(barriers, public):
    """The four barriers most recorded, most first; for the public only
    those recorded by enough referrals to be shown."""
    ranked = sorted(barriers.items(), key=lambda item: (-item[1], item[0]))
    shown = [(slug, n) for slug, n in ranked if not public or n >= SMALLEST_SHOWN]
    return tuple(f"{BARRIER_LABELS.get(slug, slug)} ({n:,})" for slug, n in shown[:BARRIERS_SHOWN])


def bands(values, higher_is_worse):
    """{area id: band}, band 1 the worst fifth of the areas with a figure."""
    ordered = sorted(values, key=lambda pk: values[pk], reverse=higher_is_worse)
    size = len(ordered)
    return {pk: 1 + (position * BANDS) // size for position, pk in enumerate(ordered)}


def area_rows(area_set, indicator, gap_miles, public, request=None, shapes=True):
    """`shapes`: with each area's outline (for the map); the impact
    dashboard's panel has no map and leaves them in the database."""
    values = (
        dict(IndicatorValue.objects.filter(indicator=indicator).values_list("area_id", "value"))
        if indicator
        else {}
    )
    banded = bands(values, indicator.higher_is_worse) if indicator else {}
    gap_metres = float(gap_miles) * METRES_PER_MILE
    # Plain values, not model instances: a place page is a heavy object to
    # make, and the page shows about a hundred areas.
    areas = list(
        Area.objects.filter(area_set=area_set)
        .order_by("name", "code")
        .values_list(
            "pk",
            "code",
            "name",
            "geometry" if shapes else Value(""),
            "latitude",
            "longitude",
            "reach__nearest_place_id",
            "reach__nearest_metres",
            "reach__referrals",
            "reach__bookings",
            "reach__champions",
            "reach__barriers",
        )
    )
    places = {
        page.pk: page
        for page in Page.objects.filter(pk__in={area[6] for area in areas if area[6]}).only(
            "title", "url_path", "locale_id"
        )
    }
    rows = []
    urls = {}
    for pk, code, name, geometry, lat, lng, place_id, metres, *people, barriers in areas:
        place = places.get(place_id)
        band = banded.get(pk)
        referrals, bookings, champions = (n or 0 for n in people)
        rows.append(
            AreaRow(
                code=code,
                name=name,
                value=values.get(pk),
                band=band,
                latitude=lat,
                longitude=lng,
                geometry=geometry,
                place_title=place.title if place else "",
                place_url=url_of(place, request, urls),
                metres=metres,
                referrals=count(referrals, public),
                bookings=count(bookings, public),
                champions=count(champions, public),
                barriers=barrier_texts(barriers or {}, public),
                gap=band == 1 and (metres is None or metres > gap_metres),
            )
        )
    return rows


def url_of(place, request, urls):
    if place is None:
        return ""
    if place.pk not in urls:
        urls[place.pk] = place.get_url(request) or ""
    return urls[place.pk]


def sorted_rows(rows, sort, descending, higher_is_worse=True):
    """Rows in the order asked; areas without a figure or distance last."""
    keys = {
        "area": lambda row: (row.name.lower(), row.code),
        "value": lambda row: row.value,
        "distance": lambda row: row.metres,
        "referrals": lambda row: row.referrals.sort_value,
    }
    key = keys[sort]
    known = [row for row in rows if key(row) is not None]
    unknown = [row for row in rows if key(row) is None]
    return sorted(known, key=key, reverse=descending) + unknown


def gaps(rows, higher_is_worse):
    """The gaps, worst figure first."""
    found = [row for row in rows if row.gap]
    return sorted(found, key=lambda row: row.value, reverse=higher_is_worse)


def worst_fifth_size(rows):
    return math.ceil(sum(1 for row in rows if row.band is not None) / BANDS)
