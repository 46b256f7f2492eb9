"""Learning at home: the public list, its filters, and the way out to each
resource that counts starts."""

import pytest

from learning.models import LearningResource, ResourceStartDay
from tests.factories.learning import LearningResourceFactory


@pytest.fixture
def resources(skill_areas):
    return {
        "email": LearningResourceFactory(
            title="Email made easy",
            level="first_steps",
            skill_areas=[skill_areas["communicating"]],
            has_captions=True,
        ),
        "scams": LearningResourceFactory(
            title="Spot a scam",
            level="beginner",
            skill_areas=[skill_areas["safe-and-legal"]],
        ),
        "banking": LearningResourceFactory(
            title="Banking for confident users",
            level="advanced",
            skill_areas=[skill_areas["transacting"], skill_areas["safe-and-legal"]],
            minutes=90,
        ),
    }


def titles(response):
    return [resource.title for resource in response.context["resources"]]


def test_the_page_lists_every_resource_with_its_facts(client, demo_site, resources):
    response = client.get("/learn-at-home/")

    assert response.status_code == 200
    assert titles(response) == ["Banking for confident users", "Email made easy", "Spot a scam"]
    assert b"3 resources" in response.content
    assert b"About 2 hours" in response.content
    assert b"Accessibility: Captions" in response.content
    # Links go out through the counting address, not straight to the site.
    assert f'href="/learn-at-home/go/{resources["email"].pk}/"'.encode() in response.content


def test_filters_by_area_and_level_without_javascript(client, demo_site, resources):
    by_area = client.get("/learn-at-home/?area=safe-and-legal")
    assert titles(by_area) == ["Banking for confident users", "Spot a scam"]
    assert b"2 resources match your filters" in by_area.content

    both = client.get("/learn-at-home/?area=safe-and-legal&level=beginner")
    assert titles(both) == ["Spot a scam"]
    assert 'value="safe-and-legal"' in both.content.decode()
    assert both.context["form"]["level"].value() == ["beginner"]


def test_unknown_filter_values_are_ignored_not_errors(client, demo_site, resources):
    response = client.get("/learn-at-home/?area=<script>&level=expert&page=abc")

    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_nothing_matching_says_so(client, demo_site, resources):
    response = client.get("/learn-at-home/?area=foundation")

    assert b"Nothing matches these filters" in response.content


def test_a_resource_whose_link_failed_twice_is_not_listed(client, demo_site, resources):
    LearningResource.objects.filter(pk=resources["scams"].pk).update(link_failures=1)
    LearningResource.objects.filter(pk=resources["email"].pk).update(link_failures=2)

    response = client.get("/learn-at-home/")

    assert titles(response) == ["Banking for confident users", "Spot a scam"]
    assert client.get(f"/learn-at-home/go/{resources['email'].pk}/").status_code == 404


def test_going_to_a_resource_counts_a_start_and_redirects_to_its_link(client, demo_site, resources):
    resource = resources["scams"]

    first = client.get(f"/learn-at-home/go/{resource.pk}/")
    client.get(f"/learn-at-home/go/{resource.pk}/?next=https://evil.example.com/")

    assert first.status_code == 302
    assert first["Location"] == resource.url
    assert "no-cache" in first["Cache-Control"]
    assert not first.cookies
    assert ResourceStartDay.objects.get(resource=resource).count == 2


def test_a_tampered_resource_id_is_not_found(client, demo_site, resources):
    assert client.get("/learn-at-home/go/999999/").status_code == 404
    assert client.get("/learn-at-home/go/abc/").status_code == 404
    assert client.get("/learn-at-home/?area=<script>&level=nope&page=999").status_code == 200


@pytest.mark.parametrize("stored", ["javascript:alert(1)", "http://192.168.0.1/", "ftp://x.org/"])
def test_a_stored_link_that_is_not_a_public_web_address_is_never_redirected_to(
    client, demo_site, resources, stored
):
    """Written past the form (an import, the shell): a 404, not a redirect or an error."""
    resource = resources["email"]
    LearningResource.objects.filter(pk=resource.pk).update(url=stored)

    response = client.get(f"/learn-at-home/go/{resource.pk}/")

    assert response.status_code == 404
    assert not ResourceStartDay.objects.exists()
