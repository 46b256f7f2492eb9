"""Editors can open every brand-site page type and setting in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page


@pytest.fixture
def admin_client(client, demo_site):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_every_page_type_opens_in_the_editor(admin_client):
    seen = set()
    for page in Page.objects.filter(depth__gt=1).specific():
        if type(page) in seen:
            continue
        seen.add(type(page))
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
    assert {cls.__name__ for cls in seen} == {
        "HomePage",
        "ContentPage",
        "NewsIndexPage",
        "NewsPage",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["brandsettings", "navigationsettings"])
def test_brand_and_navigation_settings_open_in_the_admin(admin_client, demo_site, model):
    url = reverse("wagtailsettings:edit", args=["website", model, demo_site.pk])
    response = admin_client.get(url)
    assert response.status_code == 200


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_admin_login(client, demo_site):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
