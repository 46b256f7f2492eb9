"""Coordinators keep the learning resources and the skills check's
statements in the admin; partners' staff do not."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from directory.permissions import coordinators_group
from learning.links import INTERNAL, NOT_WEB
from learning.models import LearningResource, SkillStatement
from tests.factories.learning import LearningResourceFactory, SkillStatementFactory

RESOURCES = "/admin/snippets/learning/learningresource/"
STATEMENTS = "/admin/snippets/learning/skillstatement/"


@pytest.fixture
def coordinator(demo_site):
    user = get_user_model().objects.create_user("coord", "coord@example.org", "x")
    user.groups.add(coordinators_group())
    return user


def resource_form(skill_areas, **changes):
    return {
        "title": "Video calls for beginners",
        "provider": "Good Things Foundation",
        "summary": "",
        "url": "https://www.learnmyway.com/",
        "skill_areas": [str(skill_areas["communicating"].pk)],
        "level": "beginner",
        "format": "video",
        "cost": "free",
        "minutes": "25",
        "last_checked": "2026-01-05",
        **changes,
    }


def test_a_coordinator_adds_a_resource(client, coordinator, skill_areas):
    client.force_login(coordinator)

    response = client.post(RESOURCES + "add/", resource_form(skill_areas))

    assert response.status_code == 302
    resource = LearningResource.objects.get()
    assert resource.title == "Video calls for beginners"
    assert list(resource.skill_areas.values_list("slug", flat=True)) == ["communicating"]
    assert client.get(RESOURCES).status_code == 200


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(document.cookie)", NOT_WEB),
        ("http://localhost:8000/admin/", INTERNAL),
        ("http://192.168.0.10/", INTERNAL),
    ],
)
def test_a_link_that_is_not_a_public_web_address_is_refused_and_kept(
    client, coordinator, skill_areas, url, message
):
    client.force_login(coordinator)

    response = client.post(RESOURCES + "add/", resource_form(skill_areas, url=url))

    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert response.context["form"]["url"].value() == url
    assert response.context["form"]["title"].value() == "Video calls for beginners"
    assert not LearningResource.objects.exists()


def test_coordinators_reorder_and_add_statements(client, coordinator, skill_areas):
    first = SkillStatementFactory(area=skill_areas["foundation"], text="I can connect to wifi.")
    client.force_login(coordinator)

    assert client.get(STATEMENTS).status_code == 200
    added = client.post(
        STATEMENTS + "add/",
        {"area": str(skill_areas["foundation"].pk), "text": "I can charge my phone."},
    )
    assert added.status_code == 302
    second = SkillStatement.objects.exclude(pk=first.pk).get()
    moved = client.post(STATEMENTS + f"reorder/{second.pk}/?position=0")
    assert moved.status_code == 200
    assert list(SkillStatement.objects.values_list("text", flat=True)) == [
        "I can charge my phone.",
        "I can connect to wifi.",
    ]


def test_partner_staff_cannot_open_the_lists(client, demo_site):
    staff = get_user_model().objects.create_user("staff", "staff@example.org", "x")
    client.force_login(staff)

    assert client.get(RESOURCES).status_code in (302, 403)
    assert client.get(STATEMENTS).status_code in (302, 403)


def test_coordinators_filter_dead_links_and_resources_to_check(client, coordinator, skill_areas):
    LearningResourceFactory(title="Fine guide")
    LearningResourceFactory(
        title="Shaky guide", link_failures=1, link_problem="the site answered 500"
    )
    LearningResourceFactory(
        title="Dead guide", link_failures=2, link_problem="the site answered 404"
    )
    LearningResourceFactory(title="Old guide", last_checked=datetime.date(2020, 1, 1))
    client.force_login(coordinator)

    def titles(query):
        html = client.get(RESOURCES + query).content.decode()
        return {t for t in ("Fine", "Shaky", "Dead", "Old") if f"{t} guide" in html}

    assert titles("") == {"Fine", "Shaky", "Dead", "Old"}
    assert titles("?link=failed") == {"Shaky"}
    assert titles("?link=hidden") == {"Dead"}
    assert titles("?link=working") == {"Fine", "Old"}
    assert titles("?to_check=on") == {"Old"}
    assert titles(f"?skill_areas={skill_areas['foundation'].pk}") == set()
    assert client.get(RESOURCES + "?link=nonsense").status_code == 200
