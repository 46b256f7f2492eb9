"""The default routing rules: a starting point that coordinators then adjust
in the admin (Referrals → Routing rules). Service types are named by slug,
as in directory/demo_content.py; a slug the site does not have is skipped."""

from django.db import transaction

# barrier or goal: (service type slugs, course level or "")
DEFAULT_RULES = {
    "no_device": (["device-loans", "public-computers"], ""),
    "no_internet": (["free-data", "free-wifi", "public-computers"], ""),
    "cannot_afford_data": (["free-data", "free-wifi"], ""),
    "low_skills": (["drop-in", "one-to-one"], "first_steps"),
    "low_confidence": (["one-to-one", "staying-safe"], "first_steps"),
    "not_for_them": (["drop-in"], "first_steps"),
    "access_needs": (["one-to-one", "phone-help"], ""),
    "language": (["one-to-one"], ""),
    "benefits": (["online-forms"], "beginner"),
    "health": (["online-forms"], "beginner"),
    "jobs": (["online-forms", "printing"], "beginner"),
    "family": (["drop-in"], "beginner"),
    "shopping": (["drop-in"], "beginner"),
    "council": (["online-forms"], ""),
    "safety": (["staying-safe"], "beginner"),
}


@transaction.atomic
def install_default_rules(stdout=None):
    """Create the default rules unless the site already has rules (so a
    coordinator's changes are never overwritten). Returns how many."""
    from directory.models import ServiceType
    from referrals.models import RoutingRule

    if RoutingRule.objects.exists():
        return 0
    services = {service.slug: service for service in ServiceType.objects.all()}
    for trigger, (slugs, level) in DEFAULT_RULES.items():
        rule = RoutingRule.objects.create(trigger=trigger, course_level=level)
        rule.services.set([services[slug] for slug in slugs if slug in services])
    if stdout is not None:
        stdout.write(f"Added {len(DEFAULT_RULES)} referral routing rules.\n")
    return len(DEFAULT_RULES)
