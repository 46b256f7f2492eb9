"""Taxonomies, taxonomy terms, and attributes (a term describing a service
or a location)."""

from openreferral import ids
from openreferral.serialisers.common import compact


def taxonomy_json(taxonomy, context, terms=None):
    data = compact(
        {
            "id": taxonomy.id,
            "name": taxonomy.name,
            "description": taxonomy.description,
            "uri": context.url(f"/api/oruk/taxonomies/{taxonomy.id}"),
        }
    )
    if terms is not None:
        data["taxonomy_terms"] = [term_json(term) for term in terms]
    return data


def term_json(term):
    return compact(
        {
            "id": term.id,
            "code": term.code,
            "name": term.name,
            # Required by the profile: the name where there is no description.
            "description": term.description or term.name,
            "taxonomy": term.taxonomy.name,
            "taxonomy_id": term.taxonomy.id,
            "term": term.name,
        }
    )


def attribute_json(owner_id, term, link_entity="service"):
    return {
        "id": ids.part("attribute", owner_id, term.id),
        "link_id": owner_id,
        "link_type": term.taxonomy.key,
        "link_entity": link_entity,
        "taxonomy_term_id": term.id,
        "taxonomy_term": term_json(term),
    }
