"""A UK profile service (already validated) as the values of one of our
access points: its first location we can place (a UK postcode; else a
postcode district alone, for a place whose exact address its publisher
hides), opening hours from its schedules (schedules.py), our service
types, accessibility features and languages from its taxonomy terms, cost
and contact. Text is made plain (plain_text.py). What cannot be placed
raises Unmappable."""

import dataclasses
import datetime
import functools
import hashlib
import json

from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator

from directory.models import AccessibilityFeature, AccessPointPage, Language, ServiceType
from directory.postcode_rules import PostcodeError, normalise_district, normalise_postcode
from federation.plain_text import one_line, plain_text
from federation.schedules import opening_hours
from training.models import SkillArea

# The bounds AccessPointPage's latitude and longitude validators allow.
LATITUDES, LONGITUDES = (49.0, 61.0), (-8.7, 2.0)
WITHDRAWN_STATUSES = frozenset({"inactive", "defunct"})


class Unmappable(Exception):
    """A valid service we cannot list: why, in words."""


@dataclasses.dataclass
class ListingValues:
    """What an imported service becomes: AccessPointPage fields, and the
    list entries it is described with."""

    title: str
    summary: str
    description: str
    address_line_1: str
    address_line_2: str
    town: str
    postcode: str
    hide_address: bool
    latitude: float | None
    longitude: float | None
    uprn: str
    cost: str
    phone: str
    email: str
    website: str
    temporarily_closed: bool
    closed_message: str
    updated: datetime.date | None
    active: bool
    hours: list
    schedule_notes: list  # for the import log: schedules kept as text or left out
    service_types: list
    features: list
    languages: list
    terms: set  # every term's id, code and name, lower case


def fingerprint(data):
    """Changes exactly when the service's JSON does."""
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


class Vocabulary:
    """Our coordinator-managed lists, loaded once per import, looked up by
    name or slug (code) in any case."""

    def __init__(self):
        self.service_types = self._index(ServiceType.objects.all())
        self.features = self._index(AccessibilityFeature.objects.all())
        self.languages = self._index(Language.objects.all(), extra="code")

    @staticmethod
    def _index(entries, extra=None):
        index = {}
        for entry in entries:
            keys = [entry.name, entry.slug] + ([getattr(entry, extra)] if extra else [])
            for key in keys:
                if key:
                    index.setdefault(key.casefold(), entry)
        return index

    @staticmethod
    def find(index, *names):
        for name in names:
            if isinstance(name, str) and name.casefold() in index:
                return index[name.casefold()]
        return None

    def _found(self, index, names_per_entry):
        found = {self.find(index, *names) for names in names_per_entry}
        return sorted(found - {None}, key=lambda entry: entry.pk)

    def service_types_of(self, data):
        """Our service types named by the service's taxonomy terms."""
        terms = attribute_terms(data.get("attributes", []))
        return self._found(self.service_types, [term_names(term) for term in terms])

    def features_of(self, location):
        """Our accessibility features named by the location's accessibility
        entries, or by their terms."""
        return self._found(
            self.features,
            [
                [entry.get("accessibility"), entry.get("description")]
                + [
                    name
                    for term in attribute_terms(entry.get("attributes", []))
                    for name in term_names(term)
                ]
                for entry in location.get("accessibility", [])
            ],
        )

    @functools.cached_property
    def skill_areas(self):
        """Training's skill areas (for courses), loaded when first asked."""
        return self._index(SkillArea.objects.all())

    def skill_areas_named(self, terms):
        return self._found(self.skill_areas, [term_names(term) for term in terms])

    def features_named(self, terms):
        """Our accessibility features named by these taxonomy terms (a
        course's, which are on the service, not a location)."""
        return self._found(self.features, [term_names(term) for term in terms])

    def languages_of(self, data):
        return self._found(
            self.languages,
            [[entry.get("name"), entry.get("code")] for entry in data.get("languages", [])],
        )


def listing_values(data, vocabulary, today=None):
    """The ListingValues of a validated service."""
    location, address, hidden = placeable_location(data)
    latitude, longitude = (None, None) if hidden else coordinates(location)
    schedules = opening_hours(all_schedules(data), today or timezone.localdate())
    description = plain_text(data.get("description")).split("\n")
    paragraphs = description[1:] + [f"Other times: {text}" for text in schedules.other_times]
    active = data.get("status") not in WITHDRAWN_STATUSES
    closed = data.get("status") == "temporarily closed"
    terms = term_keys(data.get("attributes", []))
    return ListingValues(
        title=one_line(data.get("name"), 255) or "Unnamed service",
        summary=Truncator(description[0]).chars(250) if description[0] else "",
        description="".join(f"<p>{escape(line)}</p>" for line in paragraphs),
        address_line_1="" if hidden else one_line(address.get("address_1"), 120),
        address_line_2="" if hidden else one_line(address.get("address_2"), 120),
        town=one_line(address.get("city") or address.get("region"), 80),
        postcode=address["postcode"],
        hide_address=hidden,
        latitude=latitude,
        longitude=longitude,
        uprn="" if hidden else uprn(location),
        cost=cost(data.get("cost_options", [])),
        phone=first_phone(data),
        email=data.get("email") or "",
        website=web_address(data.get("url")),
        temporarily_closed=closed,
        closed_message=one_line(data.get("alert"), 250) if closed else "",
        updated=updated(data.get("last_modified")),
        active=active,
        hours=schedules.hours,
        schedule_notes=schedules.notes,
        service_types=vocabulary.service_types_of(data),
        features=vocabulary.features_of(location),
        languages=vocabulary.languages_of(data),
        terms=terms,
    )


def placeable_location(data):
    """(location, address with a normalised "postcode", whether the exact
    address is hidden) of the first of the service's locations with a UK
    postcode; else of the first with a postcode district alone ("PR7": a
    place whose publisher hides its exact address, as we do), which becomes
    a hidden-address listing placed at the district's centre."""
    seen_postcodes, district_only = [], None
    for at_location in data.get("service_at_locations", []):
        location = at_location.get("location") or {}
        for address in location.get("addresses", []):
            raw = address.get("postal_code") or ""
            try:
                return location, {**address, "postcode": normalise_postcode(raw)}, False
            except PostcodeError:
                seen_postcodes.append(raw)
            district = district_or_none(raw)
            if district_only is None and district:
                district_only = (location, {**address, "postcode": district})
    if district_only is not None:
        return (*district_only, True)
    if seen_postcodes:
        raise Unmappable(
            f"no UK postcode among its addresses ({', '.join(map(repr, seen_postcodes))}), "
            "so it cannot be placed."
        )
    raise Unmappable("no location with an address, so it cannot be placed on the map.")


def district_or_none(text):
    try:
        return normalise_district(text)
    except PostcodeError:
        return None


def coordinates(location):
    """The location's own point when it lies in the UK; else None, and the
    postcode's centre is used (AccessPointPage.clean)."""
    latitude, longitude = location.get("latitude"), location.get("longitude")
    if not (isinstance(latitude, int | float) and isinstance(longitude, int | float)):
        return None, None
    in_uk = LATITUDES[0] <= latitude <= LATITUDES[1] and LONGITUDES[0] <= longitude <= LONGITUDES[1]
    return (float(latitude), float(longitude)) if in_uk else (None, None)


def uprn(location):
    if str(location.get("external_identifier_type", "")).upper() == "UPRN":
        value = str(location.get("external_identifier") or "").strip()
        if value.isdigit() and len(value) <= 12:
            return value
    return ""


def attribute_terms(attributes):
    return [
        attribute["taxonomy_term"]
        for attribute in attributes
        if isinstance(attribute.get("taxonomy_term"), dict)
    ]


def term_names(term):
    return [term.get(key) for key in ("name", "term", "code") if term.get(key)]


def term_keys(attributes):
    return {
        str(term.get(key)).casefold()
        for term in attribute_terms(attributes)
        for key in ("id", "code", "name", "term")
        if term.get(key)
    }


def cost(options):
    """Free when it says so (an amount of 0) or says nothing; low cost when
    any option has a price or none is free."""
    amounts = [option.get("amount") for option in options]
    if any(isinstance(amount, int | float) and amount > 0 for amount in amounts):
        return AccessPointPage.Cost.LOW_COST
    if options and 0 not in amounts:
        return AccessPointPage.Cost.LOW_COST
    return AccessPointPage.Cost.FREE


def first_phone(data):
    for contact in data.get("contacts", []):
        for phone in contact.get("phones", []):
            number = one_line(phone.get("number"), 30)
            if number:
                return number
    return ""


def web_address(url):
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else ""


def updated(text):
    if not text:
        return None
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def all_schedules(data):
    schedules = list(data.get("schedules", []))
    for at_location in data.get("service_at_locations", []):
        schedules += at_location.get("schedules", []) or []
    return schedules
