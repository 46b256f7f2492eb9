"""The OpenAPI document the site serves is the UK profile's, with this
site's address and the organisation endpoints the profile leaves out; the
API's organisation answers validate against what the document says."""

import json

from jsonschema import Draft202012Validator
from referencing.jsonschema import DRAFT202012

from openreferral import openapi
from tests.openreferral import profile

SERVED = "https://example.invalid/api/oruk/openapi.json"


def served_document(client):
    response = client.get("/api/oruk/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def served_validator(document, path):
    registry = profile.registry().with_resource(SERVED, DRAFT202012.create_resource(document))
    ref = (
        SERVED
        + "#/"
        + profile.pointer("paths", path, "get", "responses", "200", "content", "application/json")
        + "/schema"
    )
    return Draft202012Validator({"$ref": ref}, registry=registry, format_checker=profile.FORMATS)


def test_the_profile_paths_are_served_unchanged_with_the_organisations_added(client, lists):
    document = served_document(client)
    upstream = openapi.profile_document()
    for path, description in upstream["paths"].items():
        assert document["paths"][path] == description
    assert set(document["paths"]) - set(upstream["paths"]) == {
        "/organizations",
        "/organizations/{id}",
    }
    assert document["servers"][0]["url"].endswith("/api/oruk")


def test_organisation_answers_match_the_served_document(client, lists, make_place, api_ok):
    make_place("Library wifi")
    document = served_document(client)
    page = api_ok("organizations")
    assert page["contents"], "the demo organisation is listed"
    assert profile.errors(served_validator(document, "/organizations"), page) == []
    detail = api_ok(f"organizations/{page['contents'][0]['id']}")
    assert profile.errors(served_validator(document, "/organizations/{id}"), detail) == []
    assert [service["name"] for service in detail["services"]] == ["Library wifi"]
