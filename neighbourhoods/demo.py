"""The demo's neighbourhoods, its fictional indicator and the page at
/where-help-is-needed/, linked from the main navigation. Called by
`seed_demo` through NeighbourhoodsConfig, after the other apps' demos;
idempotent.

No real boundaries ship with the code, so the demo's areas are postcode
sectors ("PR7 1") drawn from the real demo postcodes (OS Code-Point Open,
directory/data/): each postcode gets the part of the map nearer to it than
to any other (a Voronoi cell), a sector is the union of its postcodes'
cells, and the whole is clipped to a 300 m margin around the demo area's
postcodes. The result goes through the same import as a real boundaries
file. The indicator's figures are made up (a fixed random seed) and say so
wherever they are shown."""

import csv
import gzip
import io
import json
import random
from collections import defaultdict
from pathlib import Path

import shapely
from django.conf import settings
from wagtail.models import Site

from neighbourhoods import grid, reach
from neighbourhoods.boundaries import read_boundaries
from neighbourhoods.imports import apply_areas, apply_indicator
from neighbourhoods.indicator_file import IndicatorFile
from neighbourhoods.models import AreaSet, WhereHelpIsNeededPage
from tests.factories import link_value
from website.models import NavigationSettings

POSTCODES = Path(settings.BASE_DIR) / "directory" / "data" / "postcodes-demo-area.csv.gz"
SET_NAME = "Demo postcode sectors"
INDICATOR_NAME = "Digital exclusion risk score (fictional demo figures)"
SMALLEST_SECTOR = 20  # postcodes; smaller sectors are mostly outside the area
MARGIN_METRES = 300
SEED = 20261206


def demo_postcodes():
    with gzip.open(POSTCODES, "rt", encoding="utf-8", newline="") as stream:
        return [
            (row["postcode"], float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(stream)
        ]


def sector_of(postcode):
    outward, inward = postcode.split(" ")
    return f"{outward} {inward[0]}"


def sector_boundaries(postcodes):
    """A GeoJSON FeatureCollection (British National Grid) of the sectors."""
    # Postcodes that share a point (a block of flats) give it one cell.
    sectors = {}
    for postcode, lat, lng in postcodes:
        sectors.setdefault((lng, lat), sector_of(postcode))
    eastings, northings = grid.wgs84_to_grid([p[0] for p in sectors], [p[1] for p in sectors])
    points = shapely.points(eastings, northings)
    everything = shapely.multipoints(points)
    outline = shapely.concave_hull(everything, ratio=0.2).buffer(MARGIN_METRES)
    cells = shapely.get_parts(shapely.voronoi_polygons(everything, extend_to=outline, ordered=True))
    by_sector = defaultdict(list)
    for sector, cell in zip(sectors.values(), cells, strict=True):
        by_sector[sector].append(cell)
    features = []
    for sector, parts in sorted(by_sector.items()):
        if len(parts) < SMALLEST_SECTOR:
            continue
        shape = shapely.intersection(shapely.union_all(parts), outline)
        features.append(
            {
                "type": "Feature",
                "properties": {"code": sector, "name": f"Postcode sector {sector}"},
                "geometry": json.loads(shapely.to_geojson(shape, indent=None)),
            }
        )
    return {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
        "features": features,
    }


def fictional_scores(codes):
    chance = random.Random(SEED)  # noqa: S311 - made-up demo figures
    return {code: round(chance.uniform(0.5, 9.5), 1) for code in codes}


def build(home, stdout):
    area_set = AreaSet.objects.filter(name=SET_NAME).first()
    if area_set is None:
        document = sector_boundaries(demo_postcodes())
        boundary_file = read_boundaries(io.BytesIO(json.dumps(document).encode()))
        area_set, plan = apply_areas(
            SET_NAME,
            boundary_file,
            source="Derived from OS Code-Point Open postcodes (directory/data/)",
            licence="Open Government Licence v3.0",
            attribution=(
                "Contains OS data © Crown copyright and database right 2025; contains Royal "
                "Mail data © Royal Mail copyright and database right 2025"
            ),
        )
        scores = fictional_scores(record.code for record in boundary_file.records)
        apply_indicator(
            area_set,
            IndicatorFile(values=scores, rejections=[], value_column="value"),
            name=INDICATOR_NAME,
            source="Made up for the demo: not real data",
            licence="None: fictional figures",
            year="demo",
            higher_is_worse=True,
            fictional=True,
        )
        stdout.write(f"Added {plan.accepted} demo neighbourhoods and a fictional indicator.")
    reach.refresh(area_set)
    if not WhereHelpIsNeededPage.objects.exists():
        page = WhereHelpIsNeededPage(
            title="Where help is needed",
            slug="where-help-is-needed",
            intro=(
                "Which neighbourhoods are most at risk of digital exclusion, how far their "
                "residents are from help, and where the partnership's referrals come from."
            ),
            area_set=area_set,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        stdout.write("Added the where help is needed page.")
    link_from_navigation(home, WhereHelpIsNeededPage.objects.get())


def link_from_navigation(home, page):
    """The page in the demo's main navigation, once (the impact page links
    to it too: impact_panel.py)."""
    site = home.get_site() or Site.objects.filter(is_default_site=True).first()
    navigation = NavigationSettings.for_site(site)
    links = list(navigation.main_navigation.raw_data)
    if page.pk not in {link["value"].get("page") for link in links}:
        navigation.main_navigation = [
            *links,
            {"type": "link", "value": link_value("Where help is needed", page=page)},
        ]
        navigation.save()
