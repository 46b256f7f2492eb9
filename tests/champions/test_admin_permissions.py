"""Host A's staff see and change only host A's champions, however they ask:
the list, the CSV, each record's pages and our own admin views, including by
guessing addresses. Coordinators see everyone."""

import pytest

from champions.models import Activity, Champion

BASE = "/admin/champions/champion"


def record_urls(champion):
    return {
        "inspect": f"{BASE}/inspect/{champion.pk}/",
        "edit": f"{BASE}/edit/{champion.pk}/",
        "delete": f"{BASE}/delete/{champion.pk}/",
        "log activity": f"{BASE}/log-activity/{champion.pk}/",
        "export person": f"{BASE}/export-person/{champion.pk}/",
        "erase person": f"{BASE}/erase-person/{champion.pk}/",
        "bulk status": f"{BASE}/bulk-status/?id={champion.pk}",
    }


@pytest.mark.django_db
def test_host_staff_list_and_export_only_their_own_champions(client, cast):
    client.force_login(cast.staff_a)
    html = client.get(f"{BASE}/").content.decode()
    assert "Alice Able" in html and "Bob Baker" not in html
    csv = client.get(f"{BASE}/?export=csv").content.decode("utf-8-sig")
    assert "Alice Able" in csv and "Bob Baker" not in csv
    # Filters and search cannot widen the scope either.
    for query in (f"?host__id__exact={cast.host_b.pk}", "?q=Bob", "?status=screening"):
        assert "Bob Baker" not in client.get(f"{BASE}/{query}").content.decode()
        assert "Bob Baker" not in client.get(f"{BASE}/{query}&export=csv").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "action",
    ["inspect", "edit", "delete", "log activity", "export person", "erase person", "bulk status"],
)
def test_host_staff_cannot_reach_another_hosts_champion_by_address(client, cast, action):
    client.force_login(cast.staff_a)
    url = record_urls(cast.champion_b)[action]
    assert client.get(url).status_code == 404
    response = client.post(url, {"status": "left", "date": "2025-01-01", "hours": "1"})
    assert response.status_code == 404
    champion = Champion.objects.get(pk=cast.champion_b.pk)
    assert (champion.name, champion.status) == ("Bob Baker", "screening")
    assert not champion.status_changes.exists()
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_bulk_change_mixing_in_another_hosts_champion_changes_nobody(client, cast):
    client.force_login(cast.staff_a)
    url = f"{BASE}/bulk-status/?id={cast.champion_a.pk}&id={cast.champion_b.pk}"
    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "active"}).status_code == 404
    assert set(Champion.objects.values_list("status", flat=True)) == {"screening"}


@pytest.mark.django_db
def test_guessed_addresses_that_do_not_exist_are_not_found(client, cast):
    client.force_login(cast.coordinator)
    for url in (f"{BASE}/inspect/99999/", f"{BASE}/edit/abc/", f"{BASE}/bulk-status/?id=x"):
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_host_staff_may_not_export_or_erase_even_their_own_champion(client, cast):
    client.force_login(cast.staff_a)
    urls = record_urls(cast.champion_a)
    assert client.get(urls["export person"]).status_code == 404
    assert client.post(urls["erase person"]).status_code == 404
    html = client.get(urls["inspect"]).content.decode()
    assert "Export this person" not in html and "Erase this person" not in html
    assert Champion.objects.get(pk=cast.champion_a.pk).name == "Alice Able"


@pytest.mark.django_db
def test_host_staff_see_their_own_champion_and_cannot_delete_or_add(client, cast):
    client.force_login(cast.staff_a)
    urls = record_urls(cast.champion_a)
    assert client.get(urls["inspect"]).status_code == 200
    assert client.get(urls["edit"]).status_code == 200
    # Wagtail answers "permission denied" with a redirect to the dashboard.
    assert client.get(urls["delete"]).status_code in (302, 403)
    assert client.post(urls["delete"]).status_code in (302, 403)
    assert client.get(f"{BASE}/create/").status_code in (302, 403)
    assert Champion.objects.filter(pk=cast.champion_a.pk).exists()


@pytest.mark.django_db
def test_someone_outside_the_partnership_cannot_use_the_register(client, cast, django_user_model):
    from django.contrib.auth.models import Permission

    outsider = django_user_model.objects.create_user("outsider", password="pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get(f"{BASE}/").status_code in (302, 403)
    assert client.get(record_urls(cast.champion_a)["inspect"]).status_code == 404
    assert "Digital champions" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_coordinators_see_everyone(client, cast):
    client.force_login(cast.coordinator)
    html = client.get(f"{BASE}/").content.decode()
    assert "Alice Able" in html and "Bob Baker" in html
    csv = client.get(f"{BASE}/?export=csv").content.decode("utf-8-sig")
    assert "Alice Able" in csv and "Bob Baker" in csv
    for champion in (cast.champion_a, cast.champion_b):
        urls = record_urls(champion)
        assert client.get(urls["inspect"]).status_code == 200
        assert client.get(urls["edit"]).status_code == 200
        assert client.get(urls["export person"]).status_code == 200
        assert client.get(urls["erase person"]).status_code == 200


@pytest.mark.django_db
def test_the_list_asks_the_same_number_of_queries_however_long(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ChampionFactory

    client.force_login(cast.staff_a)
    client.get(f"{BASE}/")  # warm caches (site, settings)
    with CaptureQueriesContext(connection) as one:
        client.get(f"{BASE}/")
    ChampionFactory.create_batch(30, host=cast.host_a)
    with CaptureQueriesContext(connection) as many:
        response = client.get(f"{BASE}/")
    assert response.content.decode().count('name="id"') == 31
    assert len(many) == len(one)
