"""The skills check inside a referral (/refer/skills-check/<area>/): staff
go through it with the resident from the details page, nothing typed is
lost, the answers tick the skills barriers and check your answers shows
where the resident is in each area, in words. The referral keeps only
those words."""

import pytest

from learning.models import FinishedCheck
from referrals import data_protection
from referrals.models import Referral
from tests.factories.learning import SkillStatementFactory
from training.framework import ensure_skill_areas
from training.models import SkillArea
from website.data_subject import Person

from .test_flow import DETAILS, begin

TYPED = {**DETAILS, "barriers": ["no_device"], "goals": ["benefits"]}


@pytest.fixture
def statements(directory):
    """Two areas with statements (the other four have none, so are not asked)."""
    ensure_skill_areas(SkillArea)
    areas = {area.slug: area for area in SkillArea.objects.all()}
    return {
        "foundation": [
            SkillStatementFactory(area=areas["foundation"], text="I can connect to wifi."),
            SkillStatementFactory(area=areas["foundation"], text="I can use a mouse."),
        ],
        "safe-and-legal": [
            SkillStatementFactory(area=areas["safe-and-legal"], text="I can spot a scam email."),
        ],
    }


def answer(client, statements, slug, value):
    data = {str(statement.pk): value for statement in statements[slug]}
    return client.post(f"/refer/skills-check/{slug}/", data)


def to_the_check(client):
    """Type the details, then press the skills check button."""
    begin(client)
    return client.post("/refer/details/", {**TYPED, "action": "skills-check"})


def test_the_details_page_offers_the_check_and_keeps_what_was_typed(referrer_ready, statements):
    client = referrer_ready
    begin(client)
    details = client.get("/refer/details/").content.decode()
    assert "Do the skills check with them" in details

    # Half-typed (no name yet): still kept, nothing is checked until Continue.
    response = client.post(
        "/refer/details/", {**TYPED, "resident_name": "", "action": "skills-check"}
    )
    assert response["Location"] == "/refer/skills-check/"
    assert client.get("/refer/skills-check/")["Location"] == "/refer/skills-check/foundation/"

    step = client.get("/refer/skills-check/foundation/")
    assert b"Skills check: step 1 of 2" in step.content
    assert b"I can connect to wifi." in step.content
    assert b'href="/refer/details/"' in step.content  # Back to the form

    back = client.get("/refer/details/").content.decode()
    assert 'value="Sam Adviser"' in back
    assert 'value="01632 960 555"' in back
    assert "There is a problem" not in back


def test_the_answers_tick_the_skills_barriers_and_show_in_words(referrer_ready, statements):
    client = referrer_ready
    to_the_check(client)

    assert answer(client, statements, "foundation", "help")["Location"] == (
        "/refer/skills-check/safe-and-legal/"
    )
    done = answer(client, statements, "safe-and-legal", "not_yet")
    assert done["Location"] == "/refer/details/#skills-check-done"

    details = client.get("/refer/details/")
    page = details.content.decode()
    assert "Skills check done" in page
    assert "Getting there" in page and "New to this" in page
    form = details.context["form"]
    assert form["barriers"].value() == ["no_device", "low_skills", "low_confidence"]
    assert form["resident_name"].value() == "Alex Resident"

    # Continue with the ticked boxes, as the page sends them.
    client.post("/refer/details/", {**TYPED, "barriers": form["barriers"].value()})
    check = client.get("/refer/check/").content.decode()
    assert "Skills check: Foundation skills" in check
    assert "Skills check: Being safe and legal online" in check
    assert check.index("Little or no digital skills") < check.index("Skills check: Foundation")
    assert 'href="/refer/skills-check/safe-and-legal/"' in check

    client.post("/refer/check/")
    referral = Referral.objects.get()
    assert referral.skills_check == [
        {"area": "Foundation skills", "standing": "Getting there"},
        {"area": "Being safe and legal online", "standing": "New to this"},
    ]
    assert set(referral.barriers) == {"no_device", "low_skills", "low_confidence"}
    assert "Foundation skills: Getting there" in referral.skills_check_list


def test_a_finished_check_is_counted_once_with_nothing_personal(referrer_ready, statements):
    client = referrer_ready
    to_the_check(client)
    answer(client, statements, "foundation", "yes")
    answer(client, statements, "safe-and-legal", "not_yet")
    answer(client, statements, "safe-and-legal", "help")  # changed from check your answers

    [finished] = FinishedCheck.objects.all()
    assert finished.weakest_areas == ["safe-and-legal"]


def test_back_and_change_keep_the_answers(referrer_ready, statements):
    client = referrer_ready
    to_the_check(client)
    answer(client, statements, "foundation", "yes")

    back = client.get("/refer/skills-check/foundation/")
    form = back.context["form"]
    assert {form[name].value() for name in form.fields} == {"yes"}
    second = client.get("/refer/skills-check/safe-and-legal/")
    assert b'href="/refer/skills-check/foundation/"' in second.content


def test_confident_answers_tick_nothing(referrer_ready, statements):
    client = referrer_ready
    to_the_check(client)
    answer(client, statements, "foundation", "yes")
    answer(client, statements, "safe-and-legal", "yes")

    form = client.get("/refer/details/").context["form"]
    assert form["barriers"].value() == ["no_device"]


def test_a_referral_without_the_check_stores_no_skills(referrer_ready, statements):
    client = referrer_ready
    begin(client)
    client.post("/refer/details/", DETAILS)

    check = client.get("/refer/check/").content.decode()
    assert "Skills check:" not in check
    client.post("/refer/check/")
    assert Referral.objects.get().skills_check == []


def test_tampered_steps_and_answers(referrer_ready, statements):
    client = referrer_ready
    assert client.get("/refer/skills-check/foundation/")["Location"] == "/refer/"
    to_the_check(client)

    assert client.get("/refer/skills-check/no-such-area/").status_code == 404
    assert client.get("/refer/skills-check/communicating/").status_code == 404  # no statements
    wrong = answer(client, statements, "foundation", "always")
    assert wrong.status_code == 200
    assert "Select Yes, With help or Not yet for “I can connect to wifi.”" in (
        wrong.content.decode()
    )


def test_the_pages_are_never_kept_by_a_cache(referrer_ready, statements):
    client = referrer_ready
    to_the_check(client)
    response = client.get("/refer/skills-check/foundation/")
    assert "no-store" in response["Cache-Control"]


def test_no_statements_no_button(referrer_ready):
    client = referrer_ready
    begin(client)
    assert "Do the skills check" not in client.get("/refer/details/").content.decode()
    response = client.post("/refer/details/", {**TYPED, "action": "skills-check"})
    assert response["Location"] == "/refer/check/"


def test_a_self_referral_is_asked_about_you(client, referrer_ready, statements):
    begin(client, mode="self")
    page = client.get("/refer/details/").content.decode()
    assert "Do the skills check<" in page
    assert "Not sure about your skills?" in page


def test_the_results_are_in_the_resident_export_and_go_when_erased(referrer_ready, statements):
    client = referrer_ready
    to_the_check(client)
    answer(client, statements, "foundation", "help")
    answer(client, statements, "safe-and-legal", "yes")
    client.post("/refer/details/", {**TYPED, "resident_email": "alex@example.org"})
    client.post("/refer/check/")

    record = data_protection.personal_data(Person.typed("alex@example.org"))[0]
    assert record["skills check"] == (
        "Foundation skills: Getting there; Being safe and legal online: Confident"
    )
    data_protection.erase_personal_data(Person.typed("alex@example.org"))
    assert Referral.objects.get().skills_check == []
