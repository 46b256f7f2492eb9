"""Which listings suit residents facing each barrier, from the routing rules
coordinators keep (referrals/): a place suits a barrier when it
offers any service a rule for that barrier lists, a course when it is at
the level a rule for that barrier names. The same reading of the rules as
the referral matcher's (routing.py), so the API and the referral form
agree on what helps."""

import dataclasses

from referrals.choices import BARRIERS
from referrals.models import RoutingRule

BARRIER_SLUGS = [slug for slug, _label in BARRIERS]


@dataclasses.dataclass
class BarrierRules:
    services: dict  # barrier slug -> {service type pk}
    levels: dict  # barrier slug -> {course level}

    @classmethod
    def load(cls):
        """Two queries: the rules and their services."""
        services = {slug: set() for slug in BARRIER_SLUGS}
        levels = {slug: set() for slug in BARRIER_SLUGS}
        rules = RoutingRule.objects.filter(trigger__in=BARRIER_SLUGS).prefetch_related("services")
        for rule in rules:
            services[rule.trigger].update(service.pk for service in rule.services.all())
            if rule.course_level:
                levels[rule.trigger].add(rule.course_level)
        return cls(services, levels)

    def for_services(self, service_pks):
        """The barriers, in the form's order, that places offering these
        services suit."""
        offered = set(service_pks)
        return [slug for slug in BARRIER_SLUGS if self.services[slug] & offered]

    def for_level(self, level):
        return [slug for slug in BARRIER_SLUGS if level in self.levels[slug]]

    def service_pks(self, barrier_slugs):
        return set().union(*(self.services.get(slug, set()) for slug in barrier_slugs))

    def course_levels(self, barrier_slugs):
        return set().union(*(self.levels.get(slug, set()) for slug in barrier_slugs))
