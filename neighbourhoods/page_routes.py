"""What the "Where help is needed" page's routes answer
(NeighbourhoodsConfig.ready() names this module: website/page_routes.py):
read the indicator and order asked for, prepare the rows (table.py), the map
data and the gaps. The public gets small counts of people hidden; a
signed-in coordinator gets every count (and the page is not cached)."""

import json
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.http import Http404

from directory.permissions import sees_everything
from neighbourhoods import table
from neighbourhoods.models import AreaSet, Indicator
from neighbourhoods.places import open_places
from website.spreadsheets import csv_response


class ViewForm(forms.Form):
    """The query string: which indicator, which column to sort on, which way."""

    indicator = forms.IntegerField(required=False, min_value=1)
    sort = forms.ChoiceField(choices=list(table.SORTS.items()), required=False)
    order = forms.ChoiceField(choices=[("asc", "asc"), ("desc", "desc")], required=False)


def chosen(request, page):
    """(area set, indicators, indicator, sort, descending). Any loaded
    indicator may be chosen, and its areas are shown; by default the
    page's indicator, else the first of the page's set. A tampered
    indicator id is a 404, a tampered order falls back to the default."""
    form = ViewForm(request.GET)
    form.is_valid()
    data = form.cleaned_data
    if "indicator" in form.errors:
        raise Http404("No such indicator")
    indicators = list(Indicator.objects.select_related("area_set").order_by("area_set", "name"))
    if data.get("indicator"):
        indicator = next((i for i in indicators if i.pk == data["indicator"]), None)
        if indicator is None:
            raise Http404("No such indicator")
    else:
        indicator = default_indicator(page, indicators)
    area_set = indicator.area_set if indicator else page.area_set
    area_set = area_set or AreaSet.objects.order_by("pk").first()
    sort = data.get("sort") or "value"
    if indicator is None and sort == "value":
        sort = "area"
    order = data.get("order") or ("asc" if sort == "area" else "desc")
    return area_set, indicators, indicator, sort, order == "desc"


def default_indicator(page, indicators):
    for wanted in (
        lambda i: i.pk == page.indicator_id,
        lambda i: i.area_set_id == page.area_set_id,
        lambda i: True,
    ):
        found = next((i for i in indicators if wanted(i)), None)
        if found is not None:
            return found
    return None


def sort_links(page_url, indicator, sort, descending):
    """Each column's heading: a link that sorts on it (the other way when
    it is already the order), and its aria-sort."""
    links = []
    for key, label in table.SORTS.items():
        current = key == sort
        order = ("asc" if descending else "desc") if current else "asc"
        if not current and key in ("value", "referrals"):
            order = "desc"
        query = {"sort": key, "order": order}
        if indicator:
            query = {"indicator": indicator.pk, **query}
        links.append(
            {
                "key": key,
                "label": label,
                "url": f"{page_url}?{urlencode(query)}#areas",
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            }
        )
    return links


def map_data(rows):
    """The areas as GeoJSON features (shape, name, band) for the choropleth;
    the shapes are stored as GeoJSON text already, so they are spliced in."""
    features = ",".join(
        '{"type":"Feature","geometry":'
        + row.geometry
        + ',"properties":'
        + json.dumps({"name": row.name, "band": row.band})
        + "}"
        for row in rows
    )
    # "<" escaped, as json_script does: the text sits inside a <script> element.
    text = '{"type":"FeatureCollection","features":[' + features + "]}"
    return text.replace("<", "\\u003c")


def place_markers(rows):
    """Access points within the areas' box (and a margin), as map markers."""
    if not rows:
        return []
    margin = 0.02
    lats = [row.latitude for row in rows]
    lngs = [row.longitude for row in rows]
    places = open_places().filter(
        latitude__range=(min(lats) - margin, max(lats) + margin),
        longitude__range=(min(lngs) - margin, max(lngs) + margin),
    )
    return [{"lat": round(lat, 5), "lng": round(lng, 5), "label": ""} for _, lat, lng, _ in places]


def page_context(request, page):
    area_set, indicators, indicator, sort, descending = chosen(request, page)
    coordinator = sees_everything(request.user)
    rows = (
        table.area_rows(area_set, indicator, page.gap_miles, not coordinator, request)
        if area_set
        else []
    )
    higher_is_worse = indicator.higher_is_worse if indicator else True
    return {
        "area_set": area_set,
        "indicators": indicators,
        "indicator": indicator,
        "rows": table.sorted_rows(rows, sort, descending),
        "gaps": table.gaps(rows, higher_is_worse) if indicator else [],
        "worst_fifth": table.worst_fifth_size(rows),
        "sort_links": sort_links(page.url, indicator, sort, descending),
        "map_areas": map_data(rows),
        "map_markers": place_markers(rows),
        "map_tiles_url": settings.MAP_TILES_URL,
        "map_attribution": settings.MAP_ATTRIBUTION,
        "coordinator_view": coordinator,
        "fictional": bool(area_set and area_set.fictional)
        or bool(indicator and indicator.fictional),
        "gaps_csv_url": page.url
        + page.reverse_subpage("gaps_csv")
        + (f"?indicator={indicator.pk}" if indicator else ""),
        "smallest_shown": table.SMALLEST_SHOWN,
    }


def gaps_csv(request, page):
    area_set, _, indicator, _, _ = chosen(request, page)
    if indicator is None:
        raise Http404("No indicator")
    coordinator = sees_everything(request.user)
    rows = table.area_rows(area_set, indicator, page.gap_miles, not coordinator, request)
    headings = [
        "Area code",
        "Area",
        f"{indicator.name} ({indicator.year})",
        "Nearest access point",
        "Miles to it",
        "Referrals from the area",
    ]
    lines = [
        [
            row.code,
            row.name,
            row.value,
            row.place_title,
            None if row.miles is None else round(row.miles, 2),
            row.referrals.text,
        ]
        for row in table.gaps(rows, indicator.higher_is_worse)
    ]
    response = csv_response(f"gaps-{indicator.pk}", headings, lines)
    if coordinator:
        response["Cache-Control"] = "private, no-store"
    return response
