"""Every public form has both defences of website/form_protection.py: a
honeypot that bots fill (nothing is saved or sent) and a per-address limit
counted in the shared cache (past it, a clear refusal and nothing saved).
Searches store nothing, so they have the limit only."""

import pytest
from django.core import mail
from django.core.cache import cache

from champions.models import Champion, Skill
from directory.models import ProblemReport
from referrals.models import Referral
from tests.shortlisting import press
from training.models import Booking

HONEYPOT = {"website_url": "http://spam.example"}


def champion(client, world, address="127.0.0.1", **extra):
    data = {
        "name": "Priya Shah",
        "email": f"priya{Champion.objects.count()}-{len(mail.outbox)}@example.org",
        "postcode": "PR7 1DP",
        "available_days": ["mon"],
        "available_times": ["evening"],
        "skills": [Skill.objects.values_list("pk", flat=True).first()],
        "heard_about": "friend",
        "consent": "on",
        **extra,
    }
    return client.post("/champions/join/", data, REMOTE_ADDR=address)


def problem(client, world, address="127.0.0.1", **extra):
    data = {"kind": "other", "details": "Closed on Mondays.", **extra}
    return client.post(world["listing"].report_problem_url, data, REMOTE_ADDR=address)


def booking(client, world, address="127.0.0.1", **extra):
    course, session = world["course"], world["session"]
    url = course.url + course.reverse_subpage("book_session", kwargs={"pk": session.pk})
    data = {
        "name": "Ann Example",
        "email": f"ann{Booking.objects.count()}@example.org",
        "consent": "on",
        **extra,
    }
    return client.post(url, data, REMOTE_ADDR=address)


def shortlist_email(client, world, address="127.0.0.1", **extra):
    index = world["index"]
    url = index.url + index.reverse_subpage("shortlist")
    press(client, world["listing"].pk)
    data = {"action": "email", "email": "me@example.org", **extra}
    return client.post(url, data, REMOTE_ADDR=address)


def referral(client, world, address="127.0.0.1", **extra):
    client.post("/refer/", {"mode": "self", "consent": "yes"})
    details = {
        "resident_name": "Alex Resident",
        "contact_method": "phone",
        "resident_phone": "01632 960 555",
        "postcode": "PR7 1DP",
        "barriers": ["no_device"],
        **extra,
    }
    response = client.post("/refer/details/", details)
    if response.status_code != 302:
        return response
    return client.post("/refer/check/", REMOTE_ADDR=address)


FORMS = {
    # name: (submit, how many an address may send in an hour, what is saved or sent)
    "champion sign-up": (champion, 20, lambda: Champion.objects.count()),
    "problem report": (problem, 10, lambda: ProblemReport.objects.count()),
    "course booking": (booking, 10, lambda: Booking.objects.count()),
    "shortlist email": (shortlist_email, 5, lambda: len(mail.outbox)),
    "referral": (referral, 20, lambda: Referral.objects.count()),
}


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("name", FORMS)
def test_a_filled_honeypot_saves_and_sends_nothing(client, public_world, name):
    submit, _limit, stored = FORMS[name]
    before = stored()
    response = submit(client, public_world, **HONEYPOT)
    assert response.status_code == 200
    assert "Your form could not be sent" in response.content.decode()
    assert stored() == before


@pytest.mark.django_db
@pytest.mark.parametrize("name", FORMS)
def test_one_address_past_the_limit_is_refused_and_nothing_is_saved(client, public_world, name):
    submit, limit, stored = FORMS[name]
    for _ in range(limit):
        submit(client, public_world)
    saved = stored()
    assert saved >= 1
    response = submit(client, public_world)
    assert response.status_code == 200
    assert "a lot of" in response.content.decode()
    assert stored() == saved
    # Someone else, on another connection, is not affected.
    submit(client, public_world, address="198.51.100.20")
    assert stored() == saved + 1


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/search/", "/find-help/"])
def test_searches_past_the_limit_are_refused_with_a_clear_message(
    client, public_world, settings, url
):
    """Each search is a new one: a search somebody made already is answered
    from the page cache, which costs nothing to count."""
    settings.SEARCH_RATE_LIMIT = 3
    for n in range(3):
        assert client.get(url, {"q": f"help {n}"}).status_code == 200
    response = client.get(url, {"q": "help 3"})
    assert response.status_code == 429
    assert "You have searched a lot in the last minute" in response.content.decode()
    assert client.get(url, {"q": "help 4"}, REMOTE_ADDR="198.51.100.20").status_code == 200


@pytest.mark.django_db
def test_the_search_limit_can_be_turned_off(client, public_world, settings):
    settings.SEARCH_RATE_LIMIT = 0
    for _ in range(5):
        assert client.get("/search/", {"q": "help"}).status_code == 200


@pytest.mark.django_db
def test_an_ipv6_network_counts_as_one_address(client, public_world, settings):
    """A home or phone has a whole /64: a new address per request is the
    same client. Another /64 is another client."""
    settings.SEARCH_RATE_LIMIT = 3

    def search(n, address):
        return client.get("/search/", {"q": f"help {n}"}, REMOTE_ADDR=address).status_code

    for n in range(3):
        assert search(n, f"2001:db8:1:2::{n + 1}") == 200
    assert search(3, "2001:db8:1:2:ffff::9") == 429
    assert search(4, "2001:db8:1:3::1") == 200
