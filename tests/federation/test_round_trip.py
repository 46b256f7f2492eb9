"""Our own ORUK API, served by the feed server as a second directory would
publish it, imports every service with its place, hours and taxonomy terms
intact. The API's answers are taken from this database, then the places
are deleted, as if they lived in another site's database."""

import datetime

from directory.models import AccessPointPage, Language, OrganisationPage
from federation.importer import run_import
from federation.models import FeedImport
from tests.directory.conftest import LEYLAND, PRESTON


def published_feed(client):
    """Every /services page and every /services/{id} our API answers."""
    answers, number = {}, 1
    while True:
        page = client.get("/api/oruk/services", {"page": number, "per_page": 50}).json()
        answers[f"/oruk/services?page={number}&per_page=50"] = page
        for item in page["contents"]:
            answers[f"/oruk/services/{item['id']}"] = client.get(
                f"/api/oruk/services/{item['id']}"
            ).json()
        if page["last_page"]:
            return answers
        number += 1


def described(page):
    return (
        page.title,
        page.summary,
        page.address_line_1,
        page.town,
        page.postcode,
        round(page.latitude, 4),
        round(page.longitude, 4),
        page.cost,
        page.phone,
        page.email,
        sorted(service.slug for service in page.services.all()),
        sorted(feature.slug for feature in page.accessibility.all()),
        sorted(language.slug for language in page.languages.all()),
        [
            (row.weekday, row.opens, row.closes, row.by_appointment, row.note)
            for row in page.opening_hours.order_by("weekday", "opens")
        ],
    )


def test_our_own_feed_round_trips(lists, organisation, make_place, client, feed, feed_server):
    polish = Language.objects.get(slug="polish")
    for number in range(55):  # two pages of the API's list
        postcode = (LEYLAND, PRESTON)[number % 2]
        page = make_place(
            f"Round trip {number:02d}",
            postcode=postcode,
            services=["free-wifi", "drop-in"] if number % 3 else ["device-loans"],
            access=["step-free", "hearing-loop"][: number % 3],
            hours=[(number % 7, (9, 30), (12, 0)), ((number + 2) % 7, (13, 0), (16, 30))],
            address_line_1=f"{number} Market Street",
            cost=AccessPointPage.Cost.LOW_COST if number % 5 == 0 else AccessPointPage.Cost.FREE,
            phone="01632 960001",
            email="help@example.org",
        )
        if number % 4 == 0:
            page.languages = [polish]
            page.save()
    originals = sorted(described(page) for page in AccessPointPage.objects.all())
    answers = published_feed(client)
    for path, data in answers.items():
        feed_server.json(path, data)
    OrganisationPage.objects.get(pk=organisation.pk).delete()  # the other site's directory

    run = run_import(feed)

    assert run.outcome == FeedImport.Outcome.DONE, run.entries
    assert (run.listed, run.created, run.skipped) == (55, 55, 0)
    imported = AccessPointPage.objects.child_of(feed.organisation).live()
    assert sorted(described(page) for page in imported) == originals
    assert all(page.source_updated == datetime.date.today() for page in imported)
