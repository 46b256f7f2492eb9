"""The OpenAPI document the site serves: the UK profile's own
(uk_profile/schema/openapi.json, unchanged from OpenReferralUK/uk-profile,
CC BY-SA 4.0), with this site's address as its server and the two
organisation endpoints the profile leaves out (from HSDS 3.0's API),
described with the profile's own organisation schema."""

import copy
import functools
import json
from pathlib import Path

DOCUMENT = Path(__file__).resolve().parent / "uk_profile" / "schema" / "openapi.json"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
VERSION = "HSDS-UK-3.0"


@functools.lru_cache(maxsize=1)
def profile_document():
    return json.loads(DOCUMENT.read_text())


ORGANIZATION_SCHEMA = (
    "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/organization.json"
)


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ORGANIZATION_PATHS = {
    "/organizations": {
        "get": {
            "description": "Paginated listing of the partner organisations.",
            "summary": "Paginated listing of organisations.",
            "operationId": "getPaginatedListOfOrganizations",
            "parameters": [
                {"$ref": "#/components/parameters/page"},
                {"$ref": "#/components/parameters/per_page"},
            ],
            "responses": {
                "200": json_response(
                    "Paginated listing of organisations.",
                    {
                        "properties": {
                            "contents": {"type": "array", "items": {"$ref": ORGANIZATION_SCHEMA}}
                        },
                        "allOf": [{"$ref": "#/components/schemas/Page"}],
                    },
                )
            },
        }
    },
    "/organizations/{id}": {
        "parameters": [
            {
                "in": "path",
                "name": "id",
                "required": True,
                "description": "The id of the organisation the request is intended to retrieve.",
                "schema": {"type": "string"},
            }
        ],
        "get": {
            "description": "Full information on an organisation, with its services.",
            "summary": "Retrieves full information on an organisation by {id}.",
            "operationId": "getOrganizationById",
            "responses": {
                "200": json_response(
                    "Full information on an organisation.", {"$ref": ORGANIZATION_SCHEMA}
                )
            },
        },
    },
}


def document_for(server_url):
    document = copy.deepcopy(profile_document())
    document["servers"] = [{"url": server_url, "description": "This partnership's directory"}]
    for path, description in ORGANIZATION_PATHS.items():
        document["paths"].setdefault(path, copy.deepcopy(description))
    return document
