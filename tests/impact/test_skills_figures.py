"""The skills check and learning-at-home figures: counted by period, small
counts hidden from the public like any other count of people."""

import datetime
from urllib.parse import urlencode

import pytest

from impact import suppression
from impact.figures import report_for
from learning.models import FinishedCheck, ResourceStartDay
from tests.factories.learning import LearningResourceFactory
from tests.impact.conftest import YEAR_2025
from training.framework import ensure_skill_areas
from training.models import SkillArea


@pytest.fixture
def checks(db):
    ensure_skill_areas(SkillArea)
    day = datetime.date(2025, 3, 10)
    for _ in range(6):
        FinishedCheck.objects.create(finished_on=day, weakest_areas=["transacting"])
    for _ in range(2):
        FinishedCheck.objects.create(
            finished_on=day, weakest_areas=["safe-and-legal", "transacting"]
        )
    # Outside the period: not counted.
    FinishedCheck.objects.create(
        finished_on=datetime.date(2026, 1, 2), weakest_areas=["foundation"]
    )
    resource = LearningResourceFactory()
    ResourceStartDay.objects.create(resource=resource, day=day, count=7)
    ResourceStartDay.objects.create(resource=resource, day=datetime.date(2024, 12, 31), count=50)


def rows(table):
    return {row.label: row.value for row in table.rows}


def test_checks_finished_and_weakest_areas_are_counted_for_the_period(checks):
    tables = report_for(YEAR_2025).tables

    assert rows(tables["skills-checks"]) == {
        "Skills checks finished": 8,
        "Learning-at-home resources started": 7,
    }
    weakest = rows(tables["skills-check-weakest"])
    assert weakest["Transacting"] == 8
    assert weakest["Being safe and legal online"] == 2
    assert weakest["Foundation skills"] == 0


def test_small_counts_are_hidden_from_the_public(checks):
    table = report_for(YEAR_2025).tables["skills-check-weakest"]

    shown = {row.label: row.text for row in suppression.shown(table, public=True).rows}

    assert shown["Being safe and legal online"] == "fewer than 5"
    assert shown["Transacting"] == "8"
    assert shown["Foundation skills"] == "0"


def test_the_impact_page_shows_the_figures(client, checks, impact_page):
    response = client.get(f"{impact_page.url}?{urlencode(YEAR_2025.query())}")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Skills checks by weakest area" in content
    assert "Skills checks finished" in content
