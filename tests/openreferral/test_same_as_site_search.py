"""The API's search and postcode/proximity filters list the same listings,
in the same order, as the site's own search (/find-help/) for the same
query: both ask directory/search.py."""

from urllib.parse import urlencode

from openreferral import ids
from openreferral.params import METRES_PER_MILE

# (site parameters, API path and parameters)
SAME_QUERIES = [
    ({"q": "wifi"}, "services", {"search": "wifi"}),
    ({"q": "email"}, "services", {"search": "email"}),
    ({"q": "universal credit"}, "services", {"search": "universal credit"}),
    ({"q": "tablet"}, "services", {"search": "tablet"}),  # word beginnings: "tablets"
    ({"q": "no such thing here"}, "services", {"search": "no such thing here"}),
    ({"when": "1"}, "services", {"day": "TU"}),
    ({"q": "help", "when": "5"}, "services", {"search": "help", "day": "SA"}),
    *(
        (
            {"postcode": "PR7 1AB", "radius": str(miles)},
            "service_at_locations",
            {"postcode": "PR7 1AB", "proximity": str(miles * METRES_PER_MILE)},
        )
        for miles in (1, 3, 5, 10)
    ),
    (
        {"postcode": "pr25 1aa", "radius": "3", "q": "computer"},
        "service_at_locations",
        {"postcode": "pr25 1aa", "proximity": "4828.032", "search": "computer"},
    ),
]


def site_search(client, params):
    """The listings the site's results pages show, page after page, in
    order, as API ids."""
    found, page = [], 1
    while True:
        response = client.get(f"/find-help/?{urlencode({**params, 'page': page})}")
        assert response.status_code == 200
        results_page = response.context["results_page"]
        found += [ids.service(hit.source, hit.pk) for hit in results_page.object_list]
        if not results_page.has_next():
            assert len(found) == results_page.paginator.count
            return found
        page += 1


def api_search(client, path, params):
    found, page = [], 1
    while True:
        data = client.get(f"/api/oruk/{path}", {**params, "page": page, "per_page": 200}).json()
        found += [
            row["service"]["id"] if "service" in row else row["id"] for row in data["contents"]
        ]
        if data["last_page"]:
            return found
        page += 1


def test_the_api_finds_what_the_site_finds(full_demo_site, client):
    compared = []
    for site_params, path, api_params in SAME_QUERIES:
        site = site_search(client, site_params)
        assert api_search(client, path, api_params) == site, (site_params, api_params)
        compared.append(len(site))
    # The queries are worth comparing: most find something, not everything.
    assert sum(1 for count in compared if count) >= len(SAME_QUERIES) - 1
    assert len(set(compared)) > 5
