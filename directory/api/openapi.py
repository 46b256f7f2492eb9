"""The OpenAPI document the site serves: the UK profile's own
(uk_profile/schema/openapi.json, unchanged from OpenReferralUK/uk-profile,
CC BY-SA 4.0), with this site's address as its server."""

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


def document_for(server_url):
    document = copy.deepcopy(profile_document())
    document["servers"] = [{"url": server_url, "description": "This partnership's directory"}]
    return document
