"""What every kind of service shares: the one-to-one fields, contacts,
cost options, languages and the service_at_location wrapper. The kinds
(places.py, courses.py) add what is their own."""

from openreferral import ids
from openreferral.serialisers.common import compact, datetime_text
from openreferral.serialisers.organisations import organisation_summary


def service_fields(listing, context, **fields):
    """The service's one-to-one fields and its organisation (the list
    shape); `fields` are the kind's own (status, assured_date…)."""
    page = listing.page
    organisation = listing.organisation
    data = compact(
        {
            "id": listing.id,
            "organization_id": ids.organization(organisation.pk) if organisation else None,
            "name": page.title,
            "url": context.url(page),
            "email": page.email,
            "status": "active",
            "last_modified": datetime_text(page.last_published_at),
            **fields,
        }
    )
    if organisation is not None:
        data["organization"] = organisation_summary(organisation, context)
    return data


def contacts(service_id, name, email, phone):
    """The listing's published enquiry details as one contact (never a
    named person: the site holds no staff names for the public)."""
    if not (email or phone):
        return []
    contact_id = ids.part("contact", service_id)
    phones = []
    if phone:
        phones.append(
            {"id": ids.part("phone", contact_id), "contact_id": contact_id, "number": phone}
        )
    return [
        compact(
            {
                "id": contact_id,
                "service_id": service_id,
                "name": name,
                "email": email,
                "phones": phones,
            }
        )
    ]


def cost_options(service_id, is_free, label, note=""):
    """Free (an amount of 0) or low cost (no amount: the note says what)."""
    option = {
        "id": ids.part("cost_option", service_id),
        "service_id": service_id,
        "option": label,
        "currency": "GBP",
        "amount_description": note or label,
    }
    if is_free:
        option["amount"] = 0
    return [option]


def languages(service_id, entries):
    return [
        compact(
            {
                "id": ids.part("language", service_id, language.pk),
                "service_id": service_id,
                "name": language.name,
                "code": language.code,
            }
        )
        for language in entries
    ]


def service_at_location(service_id, location, full=True):
    return {
        "id": ids.service_at_location(service_id, location.id),
        "service_id": service_id,
        "location_id": location.id,
        "location": location.full if full else location.summary,
    }
