"""Factories for the impact page."""

import factory
import wagtail_factories

from impact.models import ImpactPage


class ImpactPageFactory(wagtail_factories.PageFactory):
    title = "Our impact"
    slug = "impact"
    intro = "What the partnership did."
    commentary = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Our commentary on the figures.</p>"}]
    )

    class Meta:
        model = ImpactPage
