"""One person's data (export and erase) and the retention schedule. Erasing
anonymises: what the partnership counts stays."""

import datetime
import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from champions.models import Champion
from champions.pipeline import change_status
from tests.factories import ActivityFactory, ChampionFactory
from website import personal_data
from website.data_subject import Person
from website.models import DataProtectionSettings

BASE = "/admin/champions/champion"


def hooks():
    return apps.get_app_config("champions")


@pytest.fixture
def volunteer(cast, db):
    from directory.models import Language

    champion = ChampionFactory(
        name="Zofia Nowak",
        email="zofia@example.org",
        phone="01632 960555",
        host=cast.host_a,
        status="applied",
        experience="Taught my neighbour to use email.",
        languages=[Language.objects.create(name="Polish", slug="polish")],
    )
    change_status(champion, "active", by=cast.coordinator)
    ActivityFactory(champion=champion, hours=3, people_helped=7)
    return champion


@pytest.mark.django_db
def test_personal_data_lists_every_record_that_names_the_person(volunteer):
    records = hooks().personal_data(Person.typed("Zofia@Example.org"))
    kinds = [record["record"] for record in records]
    assert kinds == ["Digital champion", "Status change", "Activity"]
    main = records[0]
    assert main["name"] == "Zofia Nowak" and main["languages"] == "Polish"
    assert main["consent wording"].startswith("I agree")
    assert all(
        isinstance(value, str | int | float | datetime.date | type(None))
        for record in records
        for value in record.values()
    )
    assert hooks().personal_data(Person.typed("someone-else@example.org")) == []
    assert "Digital champions" in personal_data.find(Person.typed("zofia@example.org"))


@pytest.mark.django_db
def test_erasing_anonymises_and_keeps_what_is_counted(volunteer):
    assert hooks().erase_personal_data(Person.typed("zofia@example.org")) == 1
    champion = Champion.objects.get(pk=volunteer.pk)
    assert champion.name == personal_data.ERASED
    assert (champion.email, champion.phone, champion.postcode, champion.experience) == ("",) * 4
    assert not champion.languages.exists()
    assert champion.erased_at is not None
    assert champion.status == "left"
    assert champion.activities.get().people_helped == 7
    assert [c.to_status for c in champion.status_changes.all()] == ["active", "left"]
    assert hooks().personal_data(Person.typed("zofia@example.org")) == []
    assert hooks().erase_personal_data(Person.typed("zofia@example.org")) == 0


@pytest.mark.django_db
def test_coordinator_exports_one_persons_data_from_the_admin(client, cast, volunteer):
    client.force_login(cast.coordinator)
    inspect = client.get(f"{BASE}/inspect/{volunteer.pk}/").content.decode()
    assert "Export this person&#x27;s data" in inspect or "Export this person's data" in inspect
    response = client.get(f"{BASE}/export-person/{volunteer.pk}/")
    assert response["Content-Disposition"] == f'attachment; filename="champion-{volunteer.pk}.json"'
    data = json.loads(response.content)
    (records,) = data.values()
    assert records[0]["email"] == "zofia@example.org"
    assert len(records) == 3


@pytest.mark.django_db
def test_coordinator_erases_after_confirming(client, cast, volunteer):
    client.force_login(cast.coordinator)
    url = f"{BASE}/erase-person/{volunteer.pk}/"
    confirm = client.get(url).content.decode()
    assert "cannot be undone" in confirm
    assert Champion.objects.get(pk=volunteer.pk).name == "Zofia Nowak"  # not yet
    response = client.post(url)
    assert response.status_code == 302
    champion = Champion.objects.get(pk=volunteer.pk)
    assert champion.name == personal_data.ERASED and champion.email == ""
    inspect = client.get(f"{BASE}/inspect/{volunteer.pk}/").content.decode()
    assert "were erased on" in inspect and "Zofia" not in inspect
    assert client.get(url).status_code == 404  # nothing left to erase
    assert client.get(f"{BASE}/edit/{volunteer.pk}/").status_code in (302, 403)


def age(champion, days):
    Champion.objects.filter(pk=champion.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=days)
    )


@pytest.mark.django_db
def test_retention_anonymises_only_the_old_who_left_or_never_progressed(cast):
    settings = DataProtectionSettings.load()
    settings.champion_retention_months = 12
    settings.save()
    old_applicant = ChampionFactory(status="applied")
    old_leaver = ChampionFactory(status="left")
    old_active = ChampionFactory(status="active")
    recent_leaver = ChampionFactory(status="left")
    for champion in (old_applicant, old_leaver, old_active):
        age(champion, 400)
    age(recent_leaver, 300)

    assert hooks().apply_retention(settings, timezone.now()) == 2
    erased = set(Champion.objects.filter(erased_at__isnull=False).values_list("pk", flat=True))
    assert erased == {old_applicant.pk, old_leaver.pk}
    assert Champion.objects.get(pk=old_applicant.pk).status == "left"
    assert hooks().apply_retention(settings, timezone.now()) == 0  # already done


@pytest.mark.django_db
def test_the_daily_command_applies_the_champion_retention(cast):
    ancient = ChampionFactory(status="applied")
    age(ancient, 365 * 3)
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "Digital champions: 1 anonymised" in out.getvalue()
    assert Champion.objects.get(pk=ancient.pk).erased_at is not None
