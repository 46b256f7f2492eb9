"""Access points as the profile's location: the place, its address and its
accessibility. A place whose exact address is hidden (help at home, on
outreach) is published as the site shows it: its name, its town and area,
and its postcode district ("PR7") as the address's postal code, with no
street and no coordinates (a consumer places it at the district's centre,
as our search measures it: federation/mapping.py)."""

from directory.distance import district_of
from openreferral import ids
from openreferral.kinds import Location
from openreferral.serialisers.common import compact
from openreferral.serialisers.taxonomies import attribute_json
from openreferral.taxonomies import TAXONOMIES


def place_location(page, full=True):
    """The Location of an access point, loaded with its area (and the
    area's borough) and, for the full shape, its accessibility features
    (without `full`, Location.full is None)."""
    location_id = ids.location("place", page.pk)
    hidden = page.hide_address or page.latitude is None
    summary = compact(
        {
            "id": location_id,
            "location_type": "physical",
            "name": page.title,
            "description": area_text(page) if page.hide_address else page.summary,
            "latitude": None if hidden else round(page.latitude, 6),
            "longitude": None if hidden else round(page.longitude, 6),
        }
    )
    if not full:
        return Location(location_id, summary, None)
    full = {
        **summary,
        "addresses": [(district_json if page.hide_address else address_json)(page, location_id)],
        "accessibility": [
            accessibility_json(feature, location_id) for feature in page.accessibility.all()
        ],
    }
    return Location(location_id, summary, full)


def area_text(page):
    """Where a place with a hidden address is: 'Help given in Chorley, Astley'."""
    return "Help given in " + ", ".join(page.public_address) if page.public_address else ""


def address_json(page, location_id):
    street = ", ".join(part for part in (page.address_line_1, page.address_line_2) if part)
    return compact(
        {
            "id": ids.part("address", location_id),
            "location_id": location_id,
            "address_1": street or page.title,
            "city": page.town,
            # The profile requires a state or province: the borough is the
            # nearest we hold (a ward's parent), else the town.
            "state_province": borough_name(page) or page.town,
            "postal_code": page.postcode,
            "country": "GB",
            "address_type": "physical",
        }
    )


def district_json(page, location_id):
    """The address of a place whose exact address is hidden: its town and
    area (what the site shows) and its postcode district, nothing closer."""
    return compact(
        {
            "id": ids.part("address", location_id),
            "location_id": location_id,
            "address_1": ", ".join(page.public_address) or page.town,
            "city": page.town,
            "state_province": borough_name(page) or page.town,
            "postal_code": district_of(page.postcode),
            "country": "GB",
            "address_type": "physical",
        }
    )


def borough_name(page):
    area = page.area
    if area is None:
        return ""
    return area.parent.name if area.parent_id else area.name


def accessibility_json(feature, location_id):
    term = TAXONOMIES["accessibility-features"].term_for(feature)
    entry_id = ids.part("accessibility", location_id, feature.pk)
    return compact(
        {
            "id": entry_id,
            "location_id": location_id,
            "description": feature.name,
            "details": feature.description,
            "accessibility": feature.name,
            "attributes": [attribute_json(entry_id, term, link_entity="accessibility")],
        }
    )


def virtual_location(source, pk, name, description=""):
    """Somewhere that is nowhere: an online or phone course."""
    location_id = ids.location(source, pk)
    summary = compact(
        {
            "id": location_id,
            "location_type": "virtual",
            "name": name,
            "description": description,
        }
    )
    return Location(location_id, summary, {**summary, "addresses": [], "accessibility": []})
