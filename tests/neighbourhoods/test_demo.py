"""The demo's neighbourhoods: postcode sectors drawn from the real demo
postcodes, one indicator clearly labelled fictional, the page at
/where-help-is-needed/, linked from the main navigation and the impact
page; built once, however often seed_demo runs."""

from io import StringIO

import pytest
import shapely
from django.core.management import call_command
from wagtail.models import Site

from neighbourhoods import demo
from neighbourhoods.models import Area, AreaReach, AreaSet, Indicator, WhereHelpIsNeededPage
from website.models import NavigationSettings

pytestmark = pytest.mark.django_db


def test_the_demo_has_sectors_with_fictional_figures_on_its_page(full_demo_site, client):
    area_set = AreaSet.objects.get(name=demo.SET_NAME)
    codes = set(Area.objects.filter(area_set=area_set).values_list("code", flat=True))
    assert {"PR7 1", "PR25 2"} <= codes and len(codes) >= 20
    indicator = Indicator.objects.get(area_set=area_set)
    assert indicator.fictional and "fictional demo figures" in indicator.name
    assert AreaReach.objects.filter(area__area_set=area_set).count() == len(codes)

    page = WhereHelpIsNeededPage.objects.get()
    assert page.url == "/where-help-is-needed/" and page.live
    html = client.get(page.url).content.decode()
    assert "These are fictional demo figures" in html
    assert "Postcode sector PR7 1" in html


def test_nearly_every_demo_postcode_lies_in_its_own_sector(full_demo_site):
    shapes = {
        code: shapely.from_geojson(geometry)
        for code, geometry in Area.objects.values_list("code", "geometry")
    }
    postcodes = demo.demo_postcodes()
    inside = sum(
        1
        for postcode, lat, lng in postcodes
        if (shape := shapes.get(demo.sector_of(postcode))) is not None
        and shape.contains(shapely.Point(lng, lat))
    )
    assert inside / len(postcodes) > 0.95


def test_the_navigation_and_the_impact_page_link_to_it(full_demo_site, client):
    home = client.get("/").content.decode()
    nav = home[home.index('<nav aria-label="Menu"') :]
    nav = nav[: nav.index("</nav>")]
    assert '<a class="govuk-service-navigation__link" href="/where-help-is-needed/"' in nav
    assert "Where help is needed" in nav
    impact = client.get("/impact/").content.decode()
    panel = impact[impact.index('<section aria-labelledby="where-help-is-needed">') :]
    assert "These are fictional demo figures" in panel
    assert 'href="/where-help-is-needed/">See where help is needed' in panel


def navigation_links_to_the_page():
    page = WhereHelpIsNeededPage.objects.get()
    links = NavigationSettings.for_site(full_site()).main_navigation.raw_data
    return sum(1 for link in links if link["value"].get("page") == page.pk)


def full_site():
    return Site.objects.get(is_default_site=True)


def test_seeding_again_adds_nothing(full_demo_site):
    before = list(Area.objects.order_by("pk").values_list("pk", "geometry"))
    call_command("seed_demo", stdout=StringIO())
    assert list(Area.objects.order_by("pk").values_list("pk", "geometry")) == before
    assert WhereHelpIsNeededPage.objects.count() == 1
    assert navigation_links_to_the_page() == 1
