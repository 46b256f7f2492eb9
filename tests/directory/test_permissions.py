"""Partners edit only their own listings, and what they change goes live only
when a coordinator approves it: checked through the real Wagtail admin, as
the partner and the coordinator would use it."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    PageLogEntry,
    Workflow,
)
from wagtail.test.utils.form_data import querydict_from_html

from directory.models import AccessPointPage, DirectoryIndexPage, OrganisationPage, ServiceType
from directory.models.access_points import STALE_AFTER_DAYS
from directory.permissions import editors_of, organisations_edited_by
from directory.stale_listings import stale_listings
from tests.factories.directory import (
    AccessPointPageFactory,
    DirectoryIndexPageFactory,
    OrganisationPageFactory,
)
from website.models import HomePage

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def long_ago():
    return days_ago(STALE_AFTER_DAYS + 30)


@pytest.fixture
def directory_index(demo_site):
    """The demo directory (or a new one), every demo listing freshly checked
    so that only a test's own listings are stale."""
    index = DirectoryIndexPage.objects.first() or DirectoryIndexPageFactory(
        parent=HomePage.objects.get()
    )
    AccessPointPage.objects.update(last_checked=timezone.localdate())
    call_command("setup_partnership", stdout=StringIO())
    return index


def make_user(username, *groups, **fields):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "a-long-password", **fields
    )
    user.groups.add(*groups)
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def coordinator(directory_index):
    return make_user("carol", Group.objects.get(name="Coordinators"))


@pytest.fixture
def acme(directory_index):
    return OrganisationPageFactory(parent=directory_index, title="Acme Digital")


@pytest.fixture
def acme_place(acme):
    return publish(AccessPointPageFactory(parent=acme, title="Acme Library drop-in"))


@pytest.fixture
def partner(acme):
    return make_user("ada", acme.editors_group)


@pytest.fixture
def other_place(directory_index):
    other = OrganisationPageFactory(parent=directory_index, title="Other Partner")
    return publish(AccessPointPageFactory(parent=other, title="Other Partner drop-in"))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form(client, page, **changes):
    """The page's edit form as the browser would send it, with changes."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name, value in changes.items():
        data[name] = value
    return data


def public_text(page):
    page.refresh_from_db()
    response = Client().get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def denied(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


# Groups and rights.


def test_an_organisation_created_in_the_admin_gets_its_own_editors_group(
    coordinator, directory_index
):
    client = logged_in(coordinator)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["directory", "organisationpage", directory_index.pk]
    )
    form = querydict_from_html(client.get(add_url).content.decode(), form_id="page-edit-form")
    form.update(
        {
            "title": "Chorley Community Hub",
            "slug": "chorley-community-hub",
            "summary": "Helps people in Chorley get online.",
            "action-publish": "action-publish",
        }
    )
    response = client.post(add_url, form)
    assert response.status_code == 302

    organisation = OrganisationPage.objects.get(slug="chorley-community-hub")
    group = organisation.editors_group
    assert group.name == "Chorley Community Hub editors"
    assert set(
        GroupPagePermission.objects.filter(group=group).values_list("permission__codename", "page")
    ) == {("add_page", organisation.pk), ("change_page", organisation.pk)}
    # Admin access, and the problem reports on their own listings (scoped in
    # feedback_admin); no model-wide rights over pages or other registers.
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "view_problemreport",
        "change_problemreport",
    }
    collection = Collection.objects.get(
        pk__in=GroupCollectionPermission.objects.filter(group=group).values("collection")
    )
    assert collection.name == "Chorley Community Hub"
    # The page's history holds only what the coordinator did.
    assert organisation.revisions.count() == 1


def test_setting_up_again_grants_nothing_twice(acme, partner):
    counts = [
        model.objects.count()
        for model in (Group, GroupPagePermission, GroupCollectionPermission, Collection, Workflow)
    ]
    out = StringIO()
    call_command("setup_partnership", stdout=out)
    assert "0 organisations given an editors group" in out.getvalue()
    assert counts == [
        model.objects.count()
        for model in (Group, GroupPagePermission, GroupCollectionPermission, Collection, Workflow)
    ]
    acme.refresh_from_db()
    assert list(acme.editors_group.user_set.all()) == [partner]


def test_organisations_with_the_same_name_get_groups_of_their_own(directory_index):
    first = OrganisationPageFactory(parent=directory_index, title="Age Concern", slug="ac-1")
    second = OrganisationPageFactory(parent=directory_index, title="Age Concern", slug="ac-2")
    assert first.editors_group.name == "Age Concern editors"
    assert second.editors_group.name == "Age Concern editors (2)"


def test_editors_of_a_listing_are_its_organisations_active_editors(acme_place, partner):
    make_user("gone", partner.groups.get(), is_active=False)
    assert list(editors_of(acme_place)) == [partner]
    assert list(organisations_edited_by(partner)) == [acme_place.get_parent().specific]


# A partner's own listings, and no one else's.


def test_partner_saves_a_draft_that_does_not_go_live(partner, acme_place):
    client = logged_in(partner)
    live_revision = acme_place.live_revision_id
    response = client.get(edit_url(acme_place))
    html = response.content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html

    form = edit_form(client, acme_place, summary="Now open on Saturdays too.")
    response = client.post(edit_url(acme_place), form)
    assert response.status_code == 302

    acme_place.refresh_from_db()
    assert acme_place.live_revision_id == live_revision
    assert acme_place.get_latest_revision_as_object().summary == "Now open on Saturdays too."
    assert "Now open on Saturdays too." not in public_text(acme_place)


def test_partner_submits_a_change_and_it_goes_live_when_a_coordinator_approves(
    partner, coordinator, acme_place
):
    partner_client = logged_in(partner)
    form = edit_form(partner_client, acme_place, summary="Now open on Saturdays too.")
    form["action-submit"] = "action-submit"
    response = partner_client.post(edit_url(acme_place), form)
    assert response.status_code == 302

    acme_place.refresh_from_db()
    workflow_state = acme_place.current_workflow_state
    assert workflow_state.workflow.name == "Listing approval"
    assert "Now open on Saturdays too." not in public_text(acme_place)
    assert coordinator.email in {address for message in mail.outbox for address in message.to}

    task_state = acme_place.current_workflow_task_state
    assert task_state.task.name == "Coordinator approval"
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[acme_place.pk, "approve", task_state.pk]
    )
    # A partner cannot approve their own change.
    partner_client.post(approve_url, {"comment": ""})
    assert "Now open on Saturdays too." not in public_text(acme_place)

    response = logged_in(coordinator).post(approve_url, {"comment": "Thanks, looks right."})
    assert response.status_code == 302
    assert "Now open on Saturdays too." in public_text(acme_place)

    history = list(
        PageLogEntry.objects.filter(page=acme_place)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "ada") in history
    assert ("wagtail.workflow.approve", "carol") in history
    assert ("wagtail.publish", "carol") in history
    assert acme_place.revisions.count() == 2
    assert acme_place.live_revision.user == partner


def test_partner_is_turned_away_from_another_organisations_listing(
    partner, acme_place, other_place, directory_index
):
    client = logged_in(partner)
    assert denied(client.get(edit_url(other_place)))
    assert denied(client.get(edit_url(directory_index)))
    assert denied(client.post(edit_url(other_place), {"title": "Taken over", "summary": "Hm"}))
    other_place.refresh_from_db()
    assert other_place.title == "Other Partner drop-in"
    assert other_place.get_latest_revision_as_object().title == "Other Partner drop-in"


def test_partner_explorer_and_admin_search_show_only_their_own_listings(
    partner, acme_place, other_place, directory_index
):
    client = logged_in(partner)
    response = client.get(reverse("wagtailadmin_explore", args=[directory_index.pk]))
    assert response.status_code == 302  # on to their own organisation
    listing = client.get(response["Location"]).content.decode()
    assert "Acme Library drop-in" in listing
    assert "Other Partner" not in listing

    results = client.get(reverse("wagtailadmin_pages:search"), {"q": "drop-in"})
    html = results.content.decode()
    assert "Acme Library drop-in" in html
    assert "Other Partner drop-in" not in html


def test_coordinators_keep_the_directory_lists_and_partners_cannot(coordinator, partner):
    ServiceType.objects.create(name="Free wifi for everyone", slug="wifi-everyone")
    url = reverse("wagtailsnippets_directory_servicetype:list")
    response = logged_in(coordinator).get(url, {"q": "wifi for"})
    assert response.status_code == 200
    assert "Free wifi for everyone" in response.content.decode()
    assert denied(logged_in(partner).get(url))


# Copies, old revisions and deletions keep groups straight.


def test_publishing_a_revision_from_before_the_group_keeps_the_group(acme):
    Group.objects.filter(pk=acme.editors_group_id).delete()
    acme.refresh_from_db()
    old_draft = acme.save_revision()  # holds no group
    call_command("setup_partnership", stdout=StringIO())
    acme.refresh_from_db()
    group = acme.editors_group
    assert group is not None

    old_draft.publish()
    acme.refresh_from_db()
    assert acme.editors_group == group


def test_a_copied_organisation_gets_a_group_of_its_own(acme):
    copy = acme.copy(update_attrs={"title": "Acme Digital North", "slug": "acme-north"})
    acme.refresh_from_db()
    assert copy.specific.editors_group.name == "Acme Digital North editors"
    assert acme.editors_group.name == "Acme Digital editors"


def test_deleting_an_organisation_removes_its_editors_group(acme, partner):
    group_id = acme.editors_group_id
    acme.delete()
    assert not Group.objects.filter(pk=group_id).exists()
    partner.refresh_from_db()
    assert not partner.has_perm("wagtailadmin.access_admin")


# Listings to check.


def test_stale_means_what_the_listing_says(acme):
    edge = AccessPointPageFactory(parent=acme, last_checked=days_ago(STALE_AFTER_DAYS))
    over = AccessPointPageFactory(parent=acme, last_checked=days_ago(STALE_AFTER_DAYS + 1))
    draft = AccessPointPageFactory(parent=acme, last_checked=long_ago(), live=False)
    assert not edge.is_stale
    assert over.is_stale
    assert list(stale_listings()) == [over]
    assert draft not in stale_listings()


def test_listings_to_check_shows_a_partner_only_their_own(partner, coordinator, acme, other_place):
    stale = AccessPointPageFactory(parent=acme, title="Acme stale hub", last_checked=long_ago())
    AccessPointPageFactory(parent=acme, title="Acme fresh hub", last_checked=days_ago(10))
    other_place.last_checked = long_ago()
    other_place.save()
    url = reverse("directory_listings_to_check")

    client = logged_in(partner)
    html = client.get(url).content.decode()
    assert "Acme stale hub" in html
    assert "Acme Digital" in html  # the organisation column
    assert "Acme fresh hub" not in html
    assert "Other Partner drop-in" not in html

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 listing has not been checked for six months" in dashboard
    assert url in dashboard  # the panel's link and the Reports menu
    assert "This listing was last checked on" in client.get(edit_url(stale)).content.decode()

    html = logged_in(coordinator).get(url).content.decode()
    assert "Acme stale hub" in html
    assert "Other Partner drop-in" in html


def test_the_listings_to_check_csv_runs_no_formula_a_partner_typed(coordinator, acme):
    AccessPointPageFactory(parent=acme, title='=HYPERLINK("http://x")', last_checked=long_ago())
    response = logged_in(coordinator).get(reverse("directory_listings_to_check") + "?export=csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text and "\n=HYPERLINK" not in text


def test_every_admin_export_is_formula_safe():
    """Every admin list that exports, in this project's code, writes cells
    through SafeCsvExportMixin."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin
    from wagtail_modeladmin.options import ModelAdmin

    from website.spreadsheets import SafeCsvExportMixin

    ours = ("directory", "referrals", "training", "champions", "website")

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    views = [v for v in subclasses(SpreadsheetExportMixin) if v.__module__.startswith(ours)]
    admins = [a for a in subclasses(ModelAdmin) if a.__module__.startswith(ours) and a.list_export]
    assert views and admins
    unsafe = [v for v in views if not issubclass(v, SafeCsvExportMixin)]
    unsafe += [a for a in admins if not issubclass(a.index_view_class, SafeCsvExportMixin)]
    assert not unsafe


def test_reminders_go_once_to_each_organisations_editors(partner, coordinator, acme, other_place):
    make_user("bob", acme.editors_group)
    make_user("gone", acme.editors_group, is_active=False)
    first = AccessPointPageFactory(parent=acme, title="Acme stale hub", last_checked=long_ago())
    AccessPointPageFactory(parent=acme, title="Acme older hub", last_checked=long_ago())
    AccessPointPageFactory(parent=acme, title="Acme fresh hub", last_checked=days_ago(10))
    other_place.last_checked = long_ago()
    other_place.save()

    out = StringIO()
    call_command("remind_stale_listings", stdout=out)

    assert "Sent 2 reminders about 3 stale listings" in out.getvalue()
    by_recipients = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipients) == {("ada@example.org", "bob@example.org"), ("carol@example.org",)}
    to_acme = by_recipients["ada@example.org", "bob@example.org"]
    assert to_acme.subject == "2 listings to check for Acme Digital"
    assert "Acme stale hub" in to_acme.body
    assert "Acme older hub" in to_acme.body
    assert "Acme fresh hub" not in to_acme.body
    assert f"http://testserver/admin/pages/{first.pk}/edit/" in to_acme.body
    to_coordinators = by_recipients["carol@example.org",]
    assert "Other Partner drop-in" in to_coordinators.body
    assert "Other Partner has no editors" in to_coordinators.body


def test_dry_run_prints_the_reminders_and_sends_none(partner, acme):
    AccessPointPageFactory(parent=acme, title="Acme stale hub", last_checked=long_ago())
    out = StringIO()
    call_command("remind_stale_listings", "--dry-run", stdout=out)
    assert mail.outbox == []
    assert "To: ada@example.org" in out.getvalue()
    assert "Acme stale hub" in out.getvalue()
    assert "Would send 1 reminder about 1 stale listing" in out.getvalue()


def test_no_reminders_when_nothing_is_stale(partner, acme_place):
    out = StringIO()
    call_command("remind_stale_listings", stdout=out)
    assert mail.outbox == []
    assert "Sent 0 reminders about 0 stale listings" in out.getvalue()
