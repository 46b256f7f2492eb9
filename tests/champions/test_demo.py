"""The demo champions that `make run` loads, and the links to sign up."""

from io import StringIO

import pytest
from django.core.management import call_command

from champions.models import Activity, Champion, Status


@pytest.mark.django_db
def test_demo_adds_about_eighty_champions_in_every_status_once(full_demo_site, client):
    champions = Champion.objects.all()
    assert 75 <= champions.count() <= 85
    assert set(champions.values_list("status", flat=True)) == set(Status.values)
    assert not champions.filter(status__in=["screening", "active"], host=None).exists()
    assert champions.filter(area__isnull=False).count() > 40
    assert all(
        email.endswith("@example.org") for email in champions.values_list("email", flat=True)
    )
    for champion in champions.prefetch_related("status_changes"):
        history = list(champion.status_changes.all())
        assert history[0].to_status == "applied"
        assert history[-1].to_status == champion.status
    assert Activity.objects.count() > 20
    assert not champions.filter(status="trained", trained_on=None).exists()

    count = champions.count()
    call_command("seed_demo", stdout=StringIO())
    assert Champion.objects.count() == count

    assert 'href="/champions/join/"' in client.get("/").content.decode()
    assert 'href="/champions/join/"' in client.get("/digital-champions/").content.decode()
    assert client.get("/champions/join/").status_code == 200
