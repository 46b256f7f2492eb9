"""What champions can help with: a list coordinators keep as a snippet."""

from directory.models.taxonomy import TaxonomyTerm


class Skill(TaxonomyTerm):
    """Something a champion can help residents with: smartphones and
    tablets, video calls, online forms…"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "champion skill"


# The list a new site starts with; coordinators change it in the admin.
STARTING_SKILLS = [
    ("smartphones-and-tablets", "Using smartphones and tablets"),
    ("getting-online", "Getting online and using wifi"),
    ("email", "Email"),
    ("video-calls", "Video calls with family and friends"),
    ("online-forms", "Online forms and accounts (Universal Credit, NHS App)"),
    ("staying-safe", "Staying safe online"),
    ("shopping-and-banking", "Shopping and banking online"),
    ("using-a-computer", "Using a computer, keyboard and mouse"),
]


def ensure_starting_skills():
    """Add any of the starting list that is missing (by slug)."""
    for order, (slug, name) in enumerate(STARTING_SKILLS):
        Skill.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
