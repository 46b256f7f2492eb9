"""Partner organisations as the profile's organization."""

from openreferral import ids
from openreferral.serialisers.common import compact


def organisation_summary(organisation, context):
    """The one-to-one fields: what a list, and every service, shows."""
    return compact(
        {
            "id": ids.organization(organisation.pk),
            "name": organisation.title,
            "description": organisation.summary,
            "email": organisation.email,
            "website": organisation.website,
        }
    )


def organisation_full(organisation, services, context):
    """The organisation with its identifiers and its services (each in
    the list shape, without the organisation repeated)."""
    data = organisation_summary(organisation, context)
    data["organization_identifiers"] = identifiers(organisation)
    data["services"] = services
    return data


def identifiers(organisation):
    """A registered charity's number, in org-id.guide's schemes: GB-SC for
    Scotland (numbers start SC), GB-NIC for Northern Ireland (NIC), else
    the Charity Commission for England and Wales, GB-CHC."""
    number = organisation.charity_number.strip().upper().replace(" ", "")
    if not number:
        return []
    if number.startswith("SC"):
        scheme, name = "GB-SC", "Scottish charity number"
    elif number.startswith("NIC"):
        scheme, name = "GB-NIC", "Northern Ireland charity number"
    else:
        scheme, name = "GB-CHC", "Charity number"
    organisation_id = ids.organization(organisation.pk)
    return [
        {
            "id": ids.part("organization_identifier", organisation_id, scheme),
            "organization_id": organisation_id,
            "identifier_scheme": scheme,
            "identifier_type": name,
            "identifier": number,
        }
    ]
