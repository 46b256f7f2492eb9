"""Every public form under hostile input (see hostile_input.py): whatever is
sent, the answer is never a server error, and nothing stored holds text the
database should refuse or values its model would not accept. Each test
clears the flood counters per example, so the forms' own checks are what
is exercised (the limits have their own tests)."""

from django.core.cache import cache
from hypothesis import event, example, given
from hypothesis import strategies as st

from champions.models import Champion, Skill
from directory.models import AccessibilityFeature, ProblemReport
from referrals.models import Referral
from tests.security.hostile_input import form_data, garbage_in, get, post
from tests.shortlisting import press
from training.models import Booking

ANSWERED = {200, 302, 400, 404, 405, 410, 429}


def answered(response):
    """The response was an answer, not a failure; the status is recorded
    for `pytest --hypothesis-show-statistics`."""
    event(f"HTTP {response.status_code}")
    return response.status_code in ANSWERED


def assert_stored_clean(model):
    for row in model.objects.all():
        assert not garbage_in(row), (row.pk, garbage_in(row))


CHAMPION = {
    "name": ["Priya Shah"],
    "email": ["priya@example.org", "PRIYA@EXAMPLE.ORG"],
    "phone": ["01632 960 123", ""],
    "postcode": ["pr71dp", "PR7 1DP"],
    "available_days": ["mon", "sat"],
    "available_times": ["evening", "morning"],
    "availability_notes": ["Not school holidays"],
    "skills": [],
    "languages": [],
    "preferred_host": [],
    "experience": ["I help my grandparents."],
    "heard_about": ["friend"],
    "consent": ["on"],
    "website_url": [""],
}


def champion_values():
    skill = str(Skill.objects.values_list("pk", flat=True).first())
    return {**CHAMPION, "skills": [skill]}


@given(st.data())
def test_champion_sign_up_survives_hostile_input(client, public_world, data):
    cache.clear()
    response = post(client, "/champions/join/", data.draw(form_data(champion_values())))
    assert answered(response)
    assert_stored_clean(Champion)


def test_champion_strategy_reaches_the_database(client, public_world):
    """The good values above really do sign someone up, so the hostile runs
    mix saved and refused submissions."""
    pairs = [(name, values[0]) for name, values in champion_values().items() if values]
    assert post(client, "/champions/join/", pairs).status_code == 302
    assert Champion.objects.count() == 1


PROBLEM = {
    "kind": ["out_of_date", "other"],
    "details": ["Now closed on Mondays."],
    "reply_email": ["me@example.org", ""],
    "website_url": [""],
}


@given(data=form_data(PROBLEM))
def test_report_a_problem_survives_hostile_input(client, public_world, data):
    cache.clear()
    response = post(client, public_world["listing"].report_problem_url, data)
    assert answered(response)
    assert_stored_clean(ProblemReport)


BOOKING = {
    "name": ["Ann Example"],
    "email": ["ann@example.org"],
    "phone": ["", "01632 960 001"],
    "accessibility_needs": ["I use a wheelchair.", ""],
    "consent": ["on"],
    "website_url": [""],
}


@given(data=form_data(BOOKING))
def test_course_booking_survives_hostile_input(client, public_world, data):
    cache.clear()
    course, session = public_world["course"], public_world["session"]
    url = course.url + course.reverse_subpage("book_session", kwargs={"pk": session.pk})
    response = post(client, url, data)
    assert answered(response)
    assert_stored_clean(Booking)


SHORTLIST = {
    "action": ["email", "add", "remove"],
    "page": [],
    "email": ["me@example.org"],
    "next": ["/find-help/", "https://evil.example/"],
    "website_url": [""],
}


@given(data=form_data(SHORTLIST))
def test_shortlist_survives_hostile_input(client, public_world, data):
    cache.clear()
    index = public_world["index"]
    url = index.url + index.reverse_subpage("shortlist")
    press(client, public_world["listing"].pk)
    response = post(client, url, data)
    assert answered(response)
    if response.status_code == 302:
        assert not response["Location"].startswith(("http:", "https:", "//"))


REFERRAL_START = {"mode": ["referrer", "self"], "consent": ["yes", "no"]}
REFERRAL_DETAILS = {
    "referrer_name": ["Sam Adviser"],
    "referrer_organisation": ["Chorley Jobcentre"],
    "referrer_role": ["Work coach"],
    "referrer_email": ["sam@example.org"],
    "referrer_phone": ["01632 960 555"],
    "resident_name": ["Alex Resident"],
    "contact_method": ["phone", "email", "post"],
    "resident_phone": ["01632 960 555"],
    "resident_email": ["alex@example.org"],
    "resident_address": ["1 Market Street, Chorley"],
    "postcode": ["pr71dp"],
    "age_band": ["18_to_64"],
    "barriers": ["no_device", "low_skills"],
    "goals": ["benefits"],
    "preferred_support": [],
    "available_days": ["1", "3"],
    "available_times": [],
    "accessibility_needs": ["step-free"],
    "language": [],
    "other_needs": ["Large print please"],
    "website_url": [""],
}


def referral_values():
    feature = AccessibilityFeature.objects.values_list("slug", flat=True).first()
    return {**REFERRAL_DETAILS, "accessibility_needs": [feature]}


@given(start=form_data(REFERRAL_START), data=st.data())
def test_referral_flow_survives_hostile_input(client, public_world, start, data):
    """Each step of /refer/ in turn: start, details, then sending."""
    cache.clear()
    details = data.draw(form_data(referral_values()))
    assert answered(post(client, "/refer/", start))
    client.post("/refer/", {"mode": "referrer", "consent": "yes"})
    response = post(client, "/refer/details/", details)
    assert answered(response)
    if response.status_code == 302 and response["Location"] == "/refer/check/":
        assert client.get("/refer/check/").status_code == 200
        assert answered(client.post("/refer/check/"))
    event(f"{Referral.objects.count() > 0 and 'some' or 'no'} referrals stored")
    assert_stored_clean(Referral)


def test_referral_strategy_reaches_the_database(client, public_world):
    client.post("/refer/", {"mode": "referrer", "consent": "yes"})
    pairs = [(name, values[0]) for name, values in referral_values().items() if values]
    assert post(client, "/refer/details/", pairs)["Location"] == "/refer/check/"
    client.post("/refer/check/")
    assert Referral.objects.count() == 1


SITE_SEARCH = {"q": ["help", "email"], "page": ["1", "2", "999999999999999999999"]}
DIRECTORY_SEARCH = {
    "q": ["wifi"],
    "postcode": ["PR7 1DP", "pr7", "ZZ99 9ZZ"],
    "radius": ["1", "5", "25"],
    "type": ["places", "courses", "all"],
    "service": ["drop-in", "device-loans"],
    "when": ["now", "1", "6"],
    "access": ["step-free"],
    "free": ["on"],
    "skill": ["email"],
    "level": ["beginner"],
    "format": ["in_person"],
    "starts": ["7", "30"],
    "page": ["1", "-1", "abc"],
}


@given(query=form_data(SITE_SEARCH))
# Found by this test: a stray double quote broke SQLite's full-text search.
@example(query=[("q", '"><img src=x onerror=alert(1)>')])
def test_site_search_survives_hostile_input(client, public_world, query):
    cache.clear()
    assert answered(get(client, "/search/", query))


@given(query=form_data(DIRECTORY_SEARCH))
# A stray double quote broke SQLite's full-text search here too (issue 22).
@example(query=[("q", 'help"me')])
def test_directory_search_survives_hostile_input(client, public_world, query):
    cache.clear()
    assert answered(get(client, public_world["index"].url, query))


def test_the_garbage_check_finds_garbage(public_world):
    """So a clean run means something: NUL, an over-long value and a value
    outside the choices are each reported."""
    report = ProblemReport(
        listing=public_world["listing"], kind="nonsense", details="a\x00b", reply_email="x" * 300
    )
    problems = " ".join(garbage_in(report))
    assert "details holds NUL" in problems
    assert "reply_email is 300 long" in problems
    assert "kind is 'nonsense'" in problems


def test_unknown_fields_are_not_kept_in_the_referral_draft(client, public_world):
    client.post("/refer/", {"mode": "referrer", "consent": "yes"})
    pairs = [(name, values[0]) for name, values in referral_values().items() if values]
    post(client, "/refer/details/", [*pairs, ("padding", "x" * 100_000)])
    assert "padding" not in client.session["referral_draft"]["details"]
    assert client.session["referral_draft"]["details"]["resident_name"] == ["Alex Resident"]
