"""The open-data API (/api/oruk/) under hostile query strings and ids (see
hostile_input.py): every answer is JSON with a status the API means to
give (200, 400 naming the bad parameter, 404 for an unknown id), never a
server error and never the site's HTML pages."""

import json

from django.core.cache import cache
from hypothesis import event, example, given
from hypothesis import strategies as st

from tests.security.hostile_input import form_data, get, hostile_text

SERVICES = {
    "search": ["wifi", "Chorley Library"],
    "taxonomy_term_id": ["9b2c4e8a-2f4d-4f7e-9a55-0c1d2e3f4a5b"],
    "taxonomy_id": ["1f0e2d3c-4b5a-4968-8776-655443322110"],
    "page": ["1", "2"],
    "per_page": ["10", "50"],
    "modified_after": ["2025-01-31T09:00:00Z"],
    "day": ["monday", "Tuesday"],
    "start_time": ["09:30"],
    "end_time": ["17:00"],
    "minimum_age": ["18"],
    "maximum_age": ["65"],
    "postcode": ["PR7 1DP"],
    "proximity": ["1609"],
}
LISTS = ["services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"]


def api_answered(response, *allowed):
    event(f"HTTP {response.status_code}")
    assert response.status_code in allowed, response.status_code
    assert response["Content-Type"].startswith("application/json")
    body = json.loads(response.content)
    if response.status_code >= 400:
        assert body.get("message") or body.get("detail") or body.get("error"), body
    return body


@given(endpoint=st.sampled_from(LISTS), query=form_data(SERVICES))
@example(endpoint="services", query=[("per_page", "1" + "0" * 9)])
@example(endpoint="service_at_locations", query=[("proximity", "-5"), ("postcode", "PR7 1DP")])
@example(endpoint="services", query=[("page", "abc")])
def test_the_api_lists_survive_hostile_parameters(client, public_world, endpoint, query):
    cache.clear()
    # 404: a well-formed taxonomy or term id that names nothing.
    api_answered(get(client, f"/api/oruk/{endpoint}", query), 200, 400, 404)


@given(
    endpoint=st.sampled_from(
        ["services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"]
    ),
    identifier=st.one_of(hostile_text, st.uuids().map(str)),
)
@example(endpoint="services", identifier="00000000-0000-0000-0000-000000000000")
def test_the_api_details_survive_hostile_ids(client, public_world, endpoint, identifier):
    cache.clear()
    path = "".join(
        char if char.isalnum() or char in "-_.~" else f"%{ord(char):02X}"
        for char in identifier
        if ord(char) < 0x80
    )
    if not path:
        path = "x"
    api_answered(client.get(f"/api/oruk/{endpoint}/{path}"), 400, 404)
