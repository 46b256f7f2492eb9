from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, ReferenceIndex, Site

from training.models import Session
from website.models import BrandSettings, ContentPage, HomePage, NewsPage


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_seed_demo_builds_the_sample_partnership(full_demo_site):
    # full_demo_site is what `seed_demo` built on an empty database.
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    slugs = set(ContentPage.objects.values_list("slug", flat=True))
    assert {"accessibility-statement", "privacy-notice", "get-involved"} <= slugs
    assert NewsPage.objects.count() >= 3  # events are the events app's (tests/events)
    brand = BrandSettings.for_site(site)
    assert brand.partnership_name == "Get Online Chorley and South Ribble"
    assert brand.contact_phone.startswith("01632 960")
    # The installer's placeholder page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()


def used_by(page):
    return {ref.content_type.model for ref in ReferenceIndex.get_references_to(page)}


def test_seed_demo_records_where_each_page_is_used(full_demo_site):
    # The admin's "Usage" of a page lists what links to it: the home page's
    # call to action links to the referral page, and courses to their venues.
    assert "homepage" in used_by(ContentPage.objects.get(slug="refer-someone"))
    venue = Session.objects.exclude(venue=None).first().venue
    assert "coursepage" in used_by(venue)


def test_seed_demo_twice_changes_nothing(full_demo_site):
    before = list(Page.objects.order_by("path").values_list("path", "title", "latest_revision_id"))
    run("seed_demo")
    after = list(Page.objects.order_by("path").values_list("path", "title", "latest_revision_id"))
    assert before == after


def test_seed_demo_if_empty_leaves_an_edited_site_alone(full_demo_site):
    ContentPage.objects.get(slug="about").delete()
    assert "not loaded" in run("seed_demo", "--if-empty")
    assert not ContentPage.objects.filter(slug="about").exists()


def test_seed_demo_keeps_brand_settings_an_editor_changed(full_demo_site):
    brand = BrandSettings.for_site(Site.objects.get(is_default_site=True))
    brand.partnership_name = "Our own name"
    brand.save()
    run("seed_demo")
    brand.refresh_from_db()
    assert brand.partnership_name == "Our own name"


@pytest.mark.django_db
def test_ensure_admin_prints_the_login_once():
    first = run("ensure_admin")
    assert "Username: admin" in first
    password = first.split("Password: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.check_password(password)
    second = run("ensure_admin")
    assert "Password:" not in second
    assert "exists" in second
    assert get_user_model().objects.count() == 1
