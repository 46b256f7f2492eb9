"""Checking a service against the UK profile's JSON Schema (the compiled
service.json vendored in openreferral/uk_profile/schema), with its formats
checked, offline: every file is registered under the address the profile
refers to it by, so no $ref ever reaches the network."""

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

import openreferral

SCHEMA_DIR = Path(openreferral.__file__).resolve().parent / "uk_profile" / "schema"
UPSTREAM = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
# Enough to say what is wrong without filling the log with one bad service.
MAX_PROBLEMS = 5


@functools.cache
def service_validator():
    resources = [
        (UPSTREAM + path.relative_to(SCHEMA_DIR).as_posix(), DRAFT202012.create_resource(body))
        for path in sorted(SCHEMA_DIR.rglob("*.json"))
        for body in [json.loads(path.read_text())]
    ]
    return Draft202012Validator(
        {"$ref": UPSTREAM + "compiled/service.json"},
        registry=Registry().with_resources(resources),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def service_problems(data):
    """What makes this not a UK profile service, as 'where: what' lines
    (at most MAX_PROBLEMS); empty when it conforms."""
    if not isinstance(data, dict):
        return [f"(top): a service is an object, not {type(data).__name__}"]
    problems = []
    for error in service_validator().iter_errors(data):
        where = "/".join(map(str, error.absolute_path)) or "(top)"
        problems.append(f"{where}: {error.message[:200]}")
        if len(problems) == MAX_PROBLEMS:
            break
    return problems
