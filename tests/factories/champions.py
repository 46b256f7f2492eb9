"""Factories for the champion register. Champions get believable British
names, example.org addresses and phone numbers in the 01632 960xxx drama
range, so neither tests nor the demo ever hold a real person's details."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from champions.models import AVAILABLE_DAYS, AVAILABLE_TIMES, Activity, Champion, Skill, Status

DAYS = [value for value, _label in AVAILABLE_DAYS]
TIMES = [value for value, _label in AVAILABLE_TIMES]


class SkillFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Skill {n}")
    slug = factory.LazyAttribute(lambda skill: slugify(skill.name))

    class Meta:
        model = Skill
        django_get_or_create = ("slug",)


class ChampionFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"champion{n}@example.org")
    phone = factory.Sequence(lambda n: f"01632 960{n % 1000:03d}")
    postcode = "PR7 1DP"
    available_days = factory.Faker("random_elements", elements=DAYS, unique=True, length=2)
    available_times = factory.Faker("random_elements", elements=TIMES, unique=True, length=1)
    consent_text = "I agree that the partnership can keep these details."
    consented_at = factory.LazyFunction(timezone.now)
    status = Status.APPLIED

    class Meta:
        model = Champion
        skip_postgeneration_save = True

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set(extracted)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)


class ActivityFactory(factory.django.DjangoModelFactory):
    champion = factory.SubFactory(ChampionFactory, status=Status.ACTIVE)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    hours = 2
    people_helped = 3

    class Meta:
        model = Activity
