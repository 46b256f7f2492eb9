"""The anonymous page cache (website/page_cache.py) keeps the learn-at-home
list, forgets it when a coordinator changes a resource, and never keeps a
skills check page or counts a start from a cache."""

from django.test import Client

from learning.models import LearningResource, ResourceStartDay
from tests.factories.learning import LearningResourceFactory


def anonymous_get(url):
    return Client().get(url)


def test_the_list_is_kept_and_a_changed_resource_shows_at_once(demo_site, skill_areas):
    resource = LearningResourceFactory(title="Email made easy")
    anonymous_get("/learn-at-home/")
    again = anonymous_get("/learn-at-home/")
    assert again["X-Page-Cache"] == "hit"

    resource.title = "Email made easier"
    resource.save()

    assert "Email made easier" in anonymous_get("/learn-at-home/").content.decode()


def test_a_resource_hidden_by_the_link_check_leaves_the_list_at_once(demo_site, skill_areas):
    resource = LearningResourceFactory(title="Email made easy")
    anonymous_get("/learn-at-home/")

    resource.link_failures = 2
    resource.save()

    assert "Email made easy" not in anonymous_get("/learn-at-home/").content.decode()


def test_starts_are_counted_every_time_and_do_not_empty_the_cache(demo_site, skill_areas):
    resource = LearningResourceFactory()
    anonymous_get("/learn-at-home/")

    for _ in range(3):
        anonymous_get(f"/learn-at-home/go/{resource.pk}/")

    assert ResourceStartDay.objects.get().count == 3
    assert anonymous_get("/learn-at-home/")["X-Page-Cache"] == "hit"
    assert LearningResource.objects.count() == 1


def test_skills_check_pages_are_never_kept(statements):
    for url in ("/skills-check/", "/skills-check/foundation/"):
        first = anonymous_get(url)
        second = anonymous_get(url)
        assert "X-Page-Cache" not in second
        assert "no-store" in first["Cache-Control"]
