"""The vocabularies the API publishes as taxonomies, and their terms.

The directory publishes the coordinators' service types and accessibility
features, and the referral form's barriers to getting online; the training
app adds course skill areas and levels with `register()`. A term's value
is its row's pk for the coordinator-managed lists (a renamed term keeps its
id) and the fixed slug for the fixed lists. Each kind of listing says which
of its listings a term describes (ServiceKind.carrying), so that
taxonomy_term_id and taxonomy_id filter every kind alike."""

import dataclasses
from collections.abc import Callable

from openreferral import ids


@dataclasses.dataclass(frozen=True)
class Term:
    taxonomy: "Taxonomy"
    value: object
    name: str
    description: str = ""
    code: str = ""

    @property
    def id(self):
        return ids.taxonomy_term(self.taxonomy.key, self.value)


@dataclasses.dataclass(frozen=True)
class Taxonomy:
    """One vocabulary. `rows` gives (value, name, description, code) for
    each term, in order; `link_entity` says what its terms describe."""

    key: str
    name: str
    description: str
    rows: Callable[[], list] = dataclasses.field(compare=False, repr=False)
    link_entity: str = "service"

    @property
    def id(self):
        return ids.taxonomy(self.key)

    def terms(self):
        return [Term(self, *row) for row in self.rows()]

    def term(self, value, name, description="", code=""):
        """A term from a row already loaded (a prefetched list entry)."""
        return Term(self, value, name, description, code)

    def term_for(self, entry):
        """The term of a coordinator-managed list entry (TaxonomyTerm)."""
        return Term(self, entry.pk, entry.name, entry.description, entry.slug)


TAXONOMIES = {}


def register(taxonomy):
    TAXONOMIES[taxonomy.key] = taxonomy
    return taxonomy


def model_rows(model):
    """Rows for a coordinator-managed list (directory.models.TaxonomyTerm)."""

    def rows():
        return [
            (entry.pk, entry.name, entry.description, entry.slug)
            for entry in model.objects.order_by("sort_order", "name")
        ]

    return rows


def all_terms():
    return [term for taxonomy in TAXONOMIES.values() for term in taxonomy.terms()]


def find_term(term_id):
    return next((term for term in all_terms() if term.id == term_id), None)


def find_taxonomy(taxonomy_id):
    return next((t for t in TAXONOMIES.values() if t.id == taxonomy_id), None)


def _directory_taxonomies():
    from directory.models import AccessibilityFeature, ServiceType
    from referrals.choices import BARRIERS

    register(
        Taxonomy(
            key="service-types",
            name="Service types",
            description="The kinds of help a place offers, such as free wifi or devices to "
            "borrow. Kept by the partnership's coordinators.",
            rows=model_rows(ServiceType),
        )
    )
    register(
        Taxonomy(
            key="accessibility-features",
            name="Accessibility features",
            description="What makes a place or a course easier to use, such as step-free "
            "access or a hearing loop. Kept by the partnership's coordinators.",
            rows=model_rows(AccessibilityFeature),
        )
    )
    register(
        Taxonomy(
            key="barriers",
            name="Barriers to getting online",
            description="Why a resident may not be online, as the partnership's referral "
            "form asks. A listing carries a barrier when the partnership's routing rules "
            "say it suits residents facing it.",
            rows=lambda: [(slug, label, label, slug) for slug, label in BARRIERS],
        )
    )


_directory_taxonomies()
