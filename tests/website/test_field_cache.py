"""Public forms draw their blank fields from the cache (website/field_cache.py):
the page is the same as drawn afresh, a coordinator's change to a list shows
at once, and nothing a person typed is ever stored in the cache."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from directory.models import AccessibilityFeature
from website import field_cache

pytestmark = pytest.mark.django_db

NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def cached_values():
    """Every value in the test process's local-memory cache, as stored, and
    every field the process keeps drawn."""
    return b"".join(cache._cache.values()) + "".join(field_cache.MEMO.values()).encode()


def start_referral(client, mode="referrer"):
    client.get("/refer/")
    client.post("/refer/", {"mode": mode, "consent": "yes"})


@pytest.mark.parametrize("mode", ["referrer", "self"])
def test_the_blank_referral_form_is_the_same_from_the_cache(client, demo_site, mode):
    start_referral(client, mode)
    with override_settings(CACHES=NO_CACHE):
        drawn = client.get("/refer/details/").content.decode()
    first = client.get("/refer/details/").content.decode()
    second = client.get("/refer/details/").content.decode()
    token = 'name="csrfmiddlewaretoken" value="'

    def without_token(html):
        start = html.index(token) + len(token)
        return html[:start] + html[html.index('"', start) :]

    assert without_token(drawn) == without_token(first) == without_token(second)
    assert field_cache.MEMO.values(), "blank fields are kept drawn"


def test_a_new_accessibility_need_shows_at_once(client, demo_site):
    start_referral(client)
    client.get("/refer/details/")
    AccessibilityFeature.objects.create(name="Changing Places toilet", slug="changing-places")
    assert "Changing Places toilet" in client.get("/refer/details/").content.decode()


def test_what_a_person_typed_is_never_cached(client, demo_site):
    start_referral(client)
    client.get("/refer/details/")
    response = client.post(
        "/refer/details/",
        {
            "resident_name": "Zebedee Quartermaine",
            "postcode": "ZZ99 9ZZ",
            "barriers": ["no_device"],
        },
    )
    assert response.status_code == 200
    assert "Zebedee Quartermaine" in response.content.decode()
    assert b"Zebedee" not in cached_values()
    assert b"ZZ99" not in cached_values()

    client.post("/champions/join/", {"name": "Ottoline Brackenbury", "email": "not an email"})
    assert b"Ottoline" not in cached_values()


def test_a_field_with_an_error_is_drawn_afresh(client, demo_site):
    start_referral(client)
    client.get("/refer/details/")
    html = client.post("/refer/details/", {}).content.decode()
    assert 'id="resident_name-error"' in html or "govuk-error-message" in html
    assert "Enter their full name." in html


def test_the_memo_keeps_only_its_size():
    memo = field_cache.HtmlMemo(size=2)
    memo.set("a", "<p>a</p>")
    memo.set("b", "<p>b</p>")
    assert memo.get("a") == "<p>a</p>"  # now the most recently used
    memo.set("c", "<p>c</p>")
    assert memo.get("b") is None
    assert memo.get_or_draw("a", lambda: "drawn again") == "<p>a</p>"
    assert memo.get_or_draw("d", lambda: "<p>d</p>") == "<p>d</p>"
