"""Is an imported place one a partner already lists? The same UPRN where
both give one, or the same postcode and a close name. The partner's listing
wins: the import is linked to it instead of being shown twice."""

import difflib
import re

from directory.models import AccessPointPage

CLOSE_NAME = 0.8
NOISE = re.compile(r"[^a-z0-9 ]+")
COMMON_WORDS = frozenset({"the", "and", "of", "at", "centre", "center", "ltd", "limited"})


def name_key(name):
    words = NOISE.sub(" ", name.casefold().replace("&", " and ")).split()
    return " ".join(word for word in words if word not in COMMON_WORDS)


def close_names(first, second):
    one, other = name_key(first), name_key(second)
    if not one or not other:
        return False
    if one == other or one in other or other in one:
        return True
    return difflib.SequenceMatcher(None, one, other).ratio() >= CLOSE_NAME


def partner_listings():
    """Live listings of the partners' own (not imported)."""
    return AccessPointPage.objects.live().filter(source_url="").only("pk", "title")


def partner_match(name, postcode, uprn):
    """(the partner's AccessPointPage, why) or (None, "")."""
    if uprn:
        page = partner_listings().filter(uprn=uprn).order_by("pk").first()
        if page is not None:
            return page, f"same UPRN ({uprn})"
    for page in partner_listings().filter(postcode=postcode).order_by("pk"):
        if close_names(name, page.title):
            return page, f"same postcode ({postcode}) and a close name"
    return None, ""
