"""The skills check as plain values: the areas asked about (each with its
statements, in the coordinators' order), where someone stands in each area
from their answers, and which areas are weakest. No HTTP here; the views
keep the answers in the session (check_views.py).

Answers are "yes", "help" or "not_yet" for each statement, keyed by the
statement's id as text (the session stores JSON). An area's share is the
points its answers earn (yes 2, with help 1, not yet 0) over the most it
could earn; residents never see it, only the words for where they are."""

import dataclasses

from learning.choices import ANSWERS
from learning.models import SkillStatement

POINTS = {"yes": 2, "help": 1, "not_yet": 0}
ANSWER_LABELS = dict(ANSWERS)
# The areas suggested for learning: the weakest, at most this many.
WEAKEST_SHOWN = 2


@dataclasses.dataclass(frozen=True)
class Statement:
    pk: int
    text: str

    @property
    def key(self):
        return str(self.pk)


@dataclasses.dataclass(frozen=True)
class Area:
    slug: str
    name: str
    description: str
    statements: tuple[Statement, ...]


@dataclasses.dataclass(frozen=True)
class Standing:
    """Where someone is in an area, in words."""

    name: str
    sentence: str
    # The course and resource levels that suit someone here.
    levels: tuple[str, ...]


CONFIDENT = Standing(
    "Confident",
    "You can do all of these on your own.",
    ("intermediate", "advanced"),
)
GETTING_THERE = Standing(
    "Getting there",
    "You can do some of these, or do them with help. A little practice will make them easy.",
    ("beginner", "intermediate"),
)
STARTING_OUT = Standing(
    "Starting out",
    "You can do a little of this with help. A beginners' course is a good next step.",
    ("first_steps", "beginner"),
)
NEW_TO_THIS = Standing(
    "New to this",
    "This is new to you. That is fine: everyone starts somewhere, and help is free.",
    ("first_steps", "beginner"),
)


@dataclasses.dataclass(frozen=True)
class AreaResult:
    area: Area
    share: float
    standing: Standing
    answers: tuple[tuple[str, str], ...]  # (statement, answer label)


def check_areas():
    """The areas with at least one statement, in the framework's order,
    each with its statements in the coordinators' order: one query."""
    rows = (
        SkillStatement.objects.select_related("area")
        .order_by("area__sort_order", "area__name", "sort_order", "pk")
        .values_list("pk", "text", "area__slug", "area__name", "area__description")
    )
    areas = {}
    for pk, text, slug, name, description in rows:
        areas.setdefault(slug, (name, description, []))[2].append(Statement(pk, text))
    return [
        Area(slug, name, description, tuple(statements))
        for slug, (name, description, statements) in areas.items()
    ]


def area_named(areas, slug):
    """(step number from 1, area) for a slug, or (None, None)."""
    for number, area in enumerate(areas, start=1):
        if area.slug == slug:
            return number, area
    return None, None


def is_answered(area, answers):
    return all(answers.get(statement.key) in POINTS for statement in area.statements)


def first_unanswered(areas, answers):
    return next((area for area in areas if not is_answered(area, answers)), None)


def share(area, answers):
    most = 2 * len(area.statements)
    got = sum(POINTS.get(answers.get(statement.key), 0) for statement in area.statements)
    return got / most if most else 1.0


def standing_for(value):
    if value >= 1:
        return CONFIDENT
    if value >= 0.5:
        return GETTING_THERE
    if value > 0:
        return STARTING_OUT
    return NEW_TO_THIS


def results(areas, answers):
    out = []
    for area in areas:
        value = share(area, answers)
        out.append(
            AreaResult(
                area=area,
                share=value,
                standing=standing_for(value),
                answers=tuple(
                    (statement.text, ANSWER_LABELS.get(answers.get(statement.key), ""))
                    for statement in area.statements
                ),
            )
        )
    return out


def weakest(area_results, limit=WEAKEST_SHOWN):
    """The areas to learn next: the lowest shares first (ties in the
    framework's order), leaving out areas where someone is confident."""
    learning = [result for result in area_results if result.standing is not CONFIDENT]
    return sorted(learning, key=lambda result: result.share)[:limit]
