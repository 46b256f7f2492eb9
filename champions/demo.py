"""Demo champions: about 80 volunteers in every status, hosted by the demo
organisations, with their status histories and activity. Called by
`seed_demo` through ChampionsConfig.seed_demo after the directory's demo;
idempotent (nothing is added once any champion exists) and repeatable
(seed_demo fixes the random seed)."""

import datetime

import factory.random
from django.utils import timezone
from django.utils.text import slugify

from directory import demo_content
from directory.models import Language, OrganisationPage, Postcode
from tests.factories.champions import ActivityFactory, ChampionFactory

from .areas import area_for_postcode
from .models import Champion, Skill, Status, StatusChange
from .models.skills import ensure_starting_skills

# How many champions end in each status.
STATUS_COUNTS = {
    Status.APPLIED: 12,
    Status.CONTACTED: 8,
    Status.SCREENING: 8,
    Status.TRAINING_BOOKED: 8,
    Status.TRAINED: 12,
    Status.ACTIVE: 20,
    Status.PAUSED: 6,
    Status.LEFT: 6,
}
PIPELINE = [
    Status.APPLIED,
    Status.CONTACTED,
    Status.SCREENING,
    Status.TRAINING_BOOKED,
    Status.TRAINED,
    Status.ACTIVE,
]
HOSTED = {Status.SCREENING, Status.TRAINING_BOOKED, Status.TRAINED, Status.ACTIVE, Status.PAUSED}


def build(stdout):
    ensure_starting_skills()
    if Champion.objects.exists():
        return
    rng = factory.random.randgen
    organisations = list(OrganisationPage.objects.live().order_by("pk"))
    postcodes = list(
        Postcode.objects.filter(district__in=demo_content.DISTRICT_PLACES)
        .order_by("postcode")
        .values_list("postcode", flat=True)
    ) or ["PR7 1DP"]
    skills = list(Skill.objects.all())
    languages = list(Language.objects.all())
    areas = {}
    number = 0
    for status, count in STATUS_COUNTS.items():
        for _ in range(count):
            number += 1
            postcode = rng.choice(postcodes)
            if postcode not in areas:
                areas[postcode] = area_for_postcode(postcode)
            champion = add_champion(number, status, postcode, areas[postcode], rng, organisations)
            champion.skills.set(rng.sample(skills, rng.randint(1, min(4, len(skills)))))
            if languages and rng.random() < 0.2:
                champion.languages.set(rng.sample(languages, 1))
    stdout.write(f"Added {number} demo digital champions.")


def steps_to(status, rng):
    """The statuses a champion passed through to reach `status`."""
    if status == Status.PAUSED:
        return [*PIPELINE, Status.PAUSED]
    if status == Status.LEFT:
        stop = rng.choice([1, 2, 6])  # left early, at screening, or after helping
        return [*PIPELINE[:stop], Status.LEFT]
    return PIPELINE[: PIPELINE.index(status) + 1]


def add_champion(number, status, postcode, area, rng, organisations):
    now = timezone.now()
    steps = steps_to(status, rng)
    days_ago = rng.randint(20 * len(steps), 540)
    moment = now - datetime.timedelta(days=days_ago, hours=rng.randint(0, 9))
    host = rng.choice(organisations) if organisations and (set(steps) & HOSTED) else None
    champion = ChampionFactory(
        email=factory.LazyAttribute(lambda c: f"{slugify(c.name)}.{number}@example.org"),
        phone=f"01632 960{number:03d}" if rng.random() < 0.8 else "",
        postcode=postcode,
        area=area,
        host=host,
        preferred_host=host if host and rng.random() < 0.5 else None,
        heard_about=rng.choice(["friend", "partner", "social_media", "website", ""]),
        status=status,
        created_at=moment,
        consented_at=moment,
    )
    history = []
    previous = ""
    trained_on = None
    for step in steps:
        history.append(
            StatusChange(
                champion=champion,
                from_status=previous,
                to_status=step,
                changed_at=moment,
                source=StatusChange.Source.SIGN_UP if not previous else StatusChange.Source.ADMIN,
            )
        )
        if step == Status.TRAINED:
            trained_on = timezone.localdate(moment)
        previous = step
        moment = min(moment + datetime.timedelta(days=rng.randint(5, 20)), now)
    StatusChange.objects.bulk_create(history)
    champion.status_changed_at = history[-1].changed_at
    champion.trained_on = trained_on
    champion.save(update_fields=["status_changed_at", "trained_on"])
    if Status.ACTIVE in steps and trained_on:
        for _ in range(rng.randint(2, 8)):
            ActivityFactory(
                champion=champion,
                date=min(
                    trained_on + datetime.timedelta(days=rng.randint(7, 120)),
                    timezone.localdate(),
                ),
                hours=rng.choice(["1", "1.5", "2", "2.5", "3"]),
                people_helped=rng.randint(1, 6),
            )
    return champion
