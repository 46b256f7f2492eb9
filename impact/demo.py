"""The demo's impact page at /impact/, with a coordinator's commentary,
linked from the footer. Called by `seed_demo` through ImpactConfig, after
the other apps' demos have made the records it counts; idempotent (an
existing impact page, or a footer link to it, is left alone)."""

from django.utils import timezone
from wagtail.models import Site

from tests.factories import link_value, rich_text_block
from website.models import BrandSettings

from .models import ImpactPage


def commentary(year):
    """Shown whatever period a visitor chooses, so it names its own."""
    return [
        {
            "type": "heading",
            "value": {"text": f"What the figures show for {year}"},
        },
        rich_text_block(
            f"<p>In {year}, partners opened more places to get online, most of them in "
            "Leyland and Chorley town centres. Library courses for first-time users filled "
            "fastest, and our digital champions gave more hours than ever.</p>"
            "<p>Most residents referred to us said they had no device or no internet at home. "
            "Partners reached most of them within a week; we want to make that faster.</p>"
        ),
    ]


def build(home, stdout):
    page = ImpactPage.objects.first()
    if page is None:
        page = ImpactPage(
            title="Our impact",
            slug="impact",
            intro=(
                "How many places, courses, volunteers and referrals the partnership has "
                "offered, for any period you choose."
            ),
            commentary=commentary(timezone.localdate().year),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        stdout.write("Added the impact page.")
    link_from_footer(home, page)


def link_from_footer(home, page):
    site = home.get_site() or Site.objects.filter(is_default_site=True).first()
    brand = BrandSettings.for_site(site)
    links = list(brand.footer_links.raw_data)
    if page.pk not in {link["value"].get("page") for link in links}:
        brand.footer_links = [
            *links,
            {"type": "link", "value": link_value("Our impact", page=page)},
        ]
        brand.save()
