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


class PartnerIndex:
    """The partners' live listings, read once for a whole import, matched
    as partner_match matches them (the first by UPRN, else the first with
    the same postcode and a close name, in the order they were made): one
    query, where asking for each service costs one or two that grow with
    the directory."""

    def __init__(self):
        self.by_uprn, self.by_postcode = {}, {}
        rows = partner_listings().order_by("pk").values_list("pk", "title", "postcode", "uprn")
        for pk, title, postcode, uprn in rows:
            if uprn:
                self.by_uprn.setdefault(uprn, pk)
            self.by_postcode.setdefault(postcode, []).append((pk, title))

    def match(self, name, postcode, uprn):
        """(the partner's listing's pk, why) or (None, "")."""
        if uprn and uprn in self.by_uprn:
            return self.by_uprn[uprn], f"same UPRN ({uprn})"
        for pk, title in self.by_postcode.get(postcode, ()):
            if close_names(name, title):
                return pk, f"same postcode ({postcode}) and a close name"
        return None, ""
