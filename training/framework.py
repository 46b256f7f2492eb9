"""The UK Essential Digital Skills framework's skill areas (Department for
Education, 2018, updated 2019). The list is fixed by the framework, so it is
written once here and loaded by a data migration (and by the demo, which runs
after tests that empty the database)."""

SKILL_AREAS = [
    (
        "foundation",
        "Foundation skills",
        "Turning on a device, using the controls, connecting to the internet, passwords.",
    ),
    (
        "communicating",
        "Communicating",
        "Email, messaging, video calls and sharing with family, friends and colleagues.",
    ),
    (
        "handling-information",
        "Handling information and content",
        "Searching the web, judging what to trust, storing and finding files and photos.",
    ),
    (
        "transacting",
        "Transacting",
        "Buying, paying, banking and using public services online, such as the NHS App.",
    ),
    (
        "problem-solving",
        "Problem solving",
        "Finding answers and help online, and fixing everyday problems with devices.",
    ),
    (
        "safe-and-legal",
        "Being safe and legal online",
        "Spotting scams, protecting personal data, strong passwords and wellbeing online.",
    ),
]


def ensure_skill_areas(model):
    """Create any missing skill area; `model` is SkillArea (or its
    historical version in a migration). Leaves editors' changes alone."""
    for order, (slug, name, description) in enumerate(SKILL_AREAS):
        model.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )
