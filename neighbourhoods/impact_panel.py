"""Where help is needed, on the impact dashboard (the public /impact/ page
and the admin home page's impact panel), plugged in through
impact/dashboard_panels.py from NeighbourhoodsConfig.ready(): the
indicator the page shows first, with its source and licence, how many gaps
there are (areas in the worst fifth with no access point within the page's
gap distance), the worst few, and links to the page and its CSV.

Counts of people as the page shows them (table.py): small ones hidden
from the public and from partners' staff, exact for coordinators. Five
queries however many areas; no outlines are read, as there is no map."""

from neighbourhoods import table
from neighbourhoods.models import Indicator, WhereHelpIsNeededPage
from neighbourhoods.page_routes import default_indicator

TOP_GAPS = 5


def where_help_is_needed_panel(request, public):
    pages = WhereHelpIsNeededPage.objects.live()
    if public:
        pages = pages.public()
    page = pages.first()
    page_url = page.get_url(request) if page else None
    if not page_url:
        return None
    indicators = list(Indicator.objects.select_related("area_set").order_by("area_set", "name"))
    indicator = default_indicator(page, indicators)
    panel = {
        "template": "neighbourhoods/includes/impact_panel.html",
        "admin_template": "neighbourhoods/admin/impact_panel.html",
        "page_url": page_url,
        "gap_miles": page.gap_miles,
        "indicator": indicator,
        "public": public,
        "smallest_shown": table.SMALLEST_SHOWN,
    }
    if indicator is None:
        return panel
    area_set = indicator.area_set
    rows = table.area_rows(area_set, indicator, page.gap_miles, public, request, shapes=False)
    gaps = table.gaps(rows, indicator.higher_is_worse)
    return {
        **panel,
        "area_set": area_set,
        "areas": len(rows),
        "worst_fifth": table.worst_fifth_size(rows),
        "gap_count": len(gaps),
        "top_gaps": gaps[:TOP_GAPS],
        "gaps_csv_url": f"{page_url}{page.reverse_subpage('gaps_csv')}?indicator={indicator.pk}",
        "fictional": area_set.fictional or indicator.fictional,
    }
