"""The UK profile's JSON Schemas (openreferral/uk_profile/schema, copies of
OpenReferralUK/uk-profile's), as Draft 2020-12 validators with their
formats checked (uuid, email, uri, date-time).

Every file is registered under the address the profile's OpenAPI document
refers to it by, so that its `$ref`s (absolute, to the compiled schemas;
relative, between the schema files; `#/components/…` inside the OpenAPI
document) all resolve to the local copies, with no network."""

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "openreferral" / "uk_profile" / "schema"
UPSTREAM = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
FORMATS = Draft202012Validator.FORMAT_CHECKER


@functools.cache
def registry():
    resources = [
        (UPSTREAM + path.relative_to(SCHEMA_DIR).as_posix(), DRAFT202012.create_resource(body))
        for path in sorted(SCHEMA_DIR.rglob("*.json"))
        for body in [json.loads(path.read_text())]
    ]
    return Registry().with_resources(resources)


def pointer(*parts):
    return "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


@functools.cache
def validator(ref):
    return Draft202012Validator({"$ref": ref}, registry=registry(), format_checker=FORMATS)


def schema_file(name):
    """A validator for one schema file, e.g. "compiled/service.json"."""
    return validator(UPSTREAM + name)


def openapi_response(path):
    """A validator for the 200 response of GET `path` in the profile's
    OpenAPI document (the page envelope with its contents, for lists)."""
    return validator(
        UPSTREAM
        + "openapi.json#/"
        + pointer("paths", path, "get", "responses", "200", "content", "application/json")
        + "/schema"
    )


def page_of(items_schema):
    """The profile's page envelope around items of another schema file, for
    the list endpoints its OpenAPI document leaves out (/organizations)."""
    schema = {
        "allOf": [{"$ref": UPSTREAM + "openapi.json#/components/schemas/Page"}],
        "properties": {"contents": {"type": "array", "items": {"$ref": UPSTREAM + items_schema}}},
    }
    return Draft202012Validator(schema, registry=registry(), format_checker=FORMATS)


def errors(validator_, data):
    """Every problem, as 'where: what', so that one failure shows them all."""
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
        for error in validator_.iter_errors(data)
    ]
