"""The register in the admin: assigning hosts, moving champions along the
pipeline (each move recorded), bulk changes, activity, the CSV export and
the coordinators' list of skills."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from champions.models import Activity, Champion, StatusChange
from tests.factories import ActivityFactory, ChampionFactory

BASE = "/admin/champions/champion"


def coordinator_form(champion, **changes):
    data = {
        "status": champion.status,
        "trained_on": "",
        "host": champion.host_id or "",
        "name": champion.name,
        "email": champion.email,
        "phone": champion.phone,
        "postcode": champion.postcode,
        "area": "",
        "available_days": champion.available_days,
        "available_times": champion.available_times,
        "availability_notes": "",
        "skills": [],
        "languages": [],
        "preferred_host": "",
        "experience": "",
        "heard_about": "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_coordinator_assigns_a_host_and_the_hosts_staff_are_told(client, cast):
    newcomer = ChampionFactory(name="Cara Cole")
    client.force_login(cast.coordinator)
    response = client.post(
        f"{BASE}/edit/{newcomer.pk}/",
        coordinator_form(newcomer, host=cast.host_b.pk, status="screening"),
    )
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}/inspect/{newcomer.pk}/"
    newcomer.refresh_from_db()
    assert newcomer.host == cast.host_b and newcomer.status == "screening"
    change = newcomer.status_changes.get()
    assert (change.from_status, change.to_status) == ("applied", "screening")
    assert change.changed_by == cast.coordinator and change.source == "admin"
    (email,) = mail.outbox
    assert email.to == ["staff_b@example.org"]
    assert f"/admin/champions/champion/inspect/{newcomer.pk}/" in email.body
    assert "Cara" not in email.body


@pytest.mark.django_db
def test_host_staff_move_their_champion_to_trained(client, cast):
    client.force_login(cast.staff_a)
    html = client.get(f"{BASE}/edit/{cast.champion_a.pk}/").content.decode()
    assert 'value="trained"' in html
    assert 'value="contacted"' not in html  # the coordinators' stage
    assert 'name="host"' not in html and 'name="email"' not in html
    response = client.post(
        f"{BASE}/edit/{cast.champion_a.pk}/",
        # A host field smuggled in is ignored: host staff have no such field.
        {"status": "trained", "trained_on": "", "host": cast.host_b.pk, "name": "X"},
    )
    assert response.status_code == 302
    champion = Champion.objects.get(pk=cast.champion_a.pk)
    assert champion.status == "trained"
    assert champion.trained_on == timezone.localdate()
    assert champion.host == cast.host_a and champion.name == "Alice Able"
    change = champion.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == (
        "screening",
        "trained",
        cast.staff_a,
    )
    inspect = client.get(f"{BASE}/inspect/{champion.pk}/").content.decode()
    assert "Status history" in inspect and "staff_a" in inspect


@pytest.mark.django_db
def test_host_staff_cannot_move_a_champion_back_to_a_coordinators_stage(client, cast):
    client.force_login(cast.staff_a)
    response = client.post(f"{BASE}/edit/{cast.champion_a.pk}/", {"status": "contacted"})
    assert response.status_code == 200  # the form again, with the error
    assert Champion.objects.get(pk=cast.champion_a.pk).status == "screening"


@pytest.mark.django_db
def test_saving_without_a_new_status_records_no_change(client, cast):
    client.force_login(cast.staff_a)
    client.post(f"{BASE}/edit/{cast.champion_a.pk}/", {"status": "screening", "trained_on": ""})
    assert not StatusChange.objects.exists()


@pytest.mark.django_db
def test_bulk_status_change_records_each_move(client, cast):
    client.force_login(cast.coordinator)
    url = f"{BASE}/bulk-status/?id={cast.champion_a.pk}&id={cast.champion_b.pk}"
    page = client.get(url).content.decode()
    assert "Alice Able" in page and "Bob Baker" in page
    response = client.post(url, {"status": "active"})
    assert response.status_code == 302
    assert set(Champion.objects.values_list("status", flat=True)) == {"active"}
    changes = StatusChange.objects.all()
    assert {(c.champion_id, c.source, c.changed_by_id) for c in changes} == {
        (cast.champion_a.pk, "bulk", cast.coordinator.pk),
        (cast.champion_b.pk, "bulk", cast.coordinator.pk),
    }


@pytest.mark.django_db
def test_host_staff_bulk_change_only_to_their_stages(client, cast):
    client.force_login(cast.staff_a)
    url = f"{BASE}/bulk-status/?id={cast.champion_a.pk}"
    assert client.post(url, {"status": "applied"}).status_code == 200
    assert client.post(url, {"status": "paused"}).status_code == 302
    assert Champion.objects.get(pk=cast.champion_a.pk).status == "paused"


@pytest.mark.django_db
def test_the_list_links_selected_champions_to_the_bulk_change(client, cast):
    client.force_login(cast.coordinator)
    html = client.get(f"{BASE}/").content.decode()
    assert 'form id="champion-bulk"' in html and f"{BASE}/bulk-status/" in html
    assert f'value="{cast.champion_a.pk}" form="champion-bulk"' in html


@pytest.mark.django_db
def test_host_staff_log_activity(client, cast):
    client.force_login(cast.staff_a)
    url = f"{BASE}/log-activity/{cast.champion_a.pk}/"
    assert client.get(url).status_code == 200
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(url, {"date": tomorrow, "hours": "2", "people_helped": "3"})
    assert "cannot be in the future" in response.content.decode()
    today = timezone.localdate()
    response = client.post(url, {"date": today, "hours": "2.5", "people_helped": "4"})
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.hours, activity.people_helped, activity.logged_by) == (2.5, 4, cast.staff_a)
    html = client.get(f"{BASE}/inspect/{cast.champion_a.pk}/").content.decode()
    assert "2.5 hours helping 4 people" in html


@pytest.mark.django_db
def test_list_filters_by_status_skill_and_language(client, cast):
    from champions.models import Skill
    from directory.models import Language

    email = Skill.objects.get(slug="email")
    polish = Language.objects.create(name="Polish", slug="polish")
    ChampionFactory(name="Dev Patel", host=cast.host_a, skills=[email], languages=[polish])
    client.force_login(cast.coordinator)
    by_skill = client.get(f"{BASE}/?skills__id__exact={email.pk}").content.decode()
    assert "Dev Patel" in by_skill and "Alice Able" not in by_skill
    by_language = client.get(f"{BASE}/?languages__id__exact={polish.pk}").content.decode()
    assert "Dev Patel" in by_language and "Bob Baker" not in by_language
    by_status = client.get(f"{BASE}/?status__exact=applied").content.decode()
    assert "Dev Patel" in by_status and "Alice Able" not in by_status
    by_host = client.get(f"{BASE}/?host__id__exact={cast.host_b.pk}").content.decode()
    assert "Bob Baker" in by_host and "Alice Able" not in by_host
    searched = client.get(f"{BASE}/?q=patel").content.decode()
    assert "Dev Patel" in searched and "Alice Able" not in searched


@pytest.mark.django_db
def test_csv_export_opens_safely_in_a_spreadsheet(client, cast):
    ChampionFactory(name='=HYPERLINK("http://evil.example")', host=cast.host_a, phone="+44 7700")
    ActivityFactory(champion=cast.champion_a, hours=2, people_helped=5)
    ActivityFactory(champion=cast.champion_a, hours=1, people_helped=1)
    client.force_login(cast.coordinator)
    response = client.get(f"{BASE}/?export=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="digital-champions')
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Name,Email,Phone,Postcode")
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text
    assert "'+44 7700" in text
    alice = next(line for line in text.splitlines() if line.startswith("Alice Able"))
    assert alice.endswith(",3,6")


@pytest.mark.django_db
def test_coordinators_keep_the_list_of_skills(client, cast):
    client.force_login(cast.coordinator)
    assert client.get("/admin/snippets/champions/skill/").status_code == 200
    response = client.post(
        "/admin/snippets/champions/skill/add/",
        {"name": "Printing", "slug": "printing", "description": "", "sort_order": 50},
    )
    assert response.status_code == 302
    client.force_login(cast.staff_a)
    assert client.get("/admin/snippets/champions/skill/").status_code in (302, 403)


@pytest.mark.django_db
def test_bulk_change_with_nobody_selected_says_so(client, cast):
    client.force_login(cast.coordinator)
    response = client.get(f"{BASE}/bulk-status/", follow=True)
    assert "Select the champions whose status you want to change." in response.content.decode()


@pytest.mark.django_db
def test_coordinator_cannot_give_two_champions_one_email_address(client, cast):
    client.force_login(cast.coordinator)
    champion = cast.champion_b
    response = client.post(
        f"{BASE}/edit/{champion.pk}/",
        coordinator_form(champion, email=cast.champion_a.email.upper()),
    )
    assert response.status_code == 200
    assert "Another champion already has this email address." in response.content.decode()
