"""The skills check at /skills-check/, as a resident goes through it: one
area a page, Back keeping answers, errors keeping what was chosen, and the
result with next steps near their postcode."""

import re

import pytest

from learning.check_views import DRAFT
from learning.models import FinishedCheck
from tests.factories.learning import LearningResourceFactory
from website.models import OutgoingEmail

ORDER = [
    "foundation",
    "communicating",
    "handling-information",
    "transacting",
    "problem-solving",
    "safe-and-legal",
]


def answer(client, statements, slug, value="yes", **kwargs):
    data = {str(statement.pk): value for statement in statements[slug]}
    return client.post(f"/skills-check/{slug}/", data, **kwargs)


def finish(client, statements, weak=(), value="not_yet"):
    """Answer every area: Yes everywhere except `value` in the `weak` areas."""
    for slug in ORDER:
        answer(client, statements, slug, value if slug in weak else "yes")


def test_start_page_explains_and_links_to_step_one(client, statements):
    response = client.get("/skills-check/")

    assert response.status_code == 200
    assert b"about 3 minutes" in response.content
    assert b'href="/skills-check/foundation/"' in response.content


def test_each_step_shows_its_number_and_goes_to_the_next(client, statements):
    first = client.get("/skills-check/foundation/")
    assert b"Step 1 of 6" in first.content
    assert b"I can connect to wifi." in first.content
    assert b'href="/skills-check/"' in first.content  # Back to the start

    moved = answer(client, statements, "foundation")
    assert moved["Location"] == "/skills-check/communicating/"
    second = client.get("/skills-check/communicating/")
    assert b"Step 2 of 6" in second.content
    assert b'class="govuk-back-link">Back' in second.content
    assert b'href="/skills-check/foundation/"' in second.content

    last = answer(client, statements, "safe-and-legal")
    assert last["Location"] == "/skills-check/result/"


def test_going_back_shows_the_answers_given(client, statements):
    answer(client, statements, "foundation", "help")

    back = client.get("/skills-check/foundation/")

    form = back.context["form"]
    assert {form[name].value() for name in form.fields} == {"help"}
    assert len(re.findall(r'value="help"\s+checked', back.content.decode())) == 3


def test_a_missing_answer_is_an_error_that_keeps_the_others(client, statements):
    first, second, third = statements["communicating"]

    response = client.post(
        "/skills-check/communicating/", {str(first.pk): "yes", str(third.pk): "not_yet"}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Error: " in content
    assert "There is a problem" in content
    assert f'href="#id_{second.pk}_1"' in content
    assert "Select Yes, With help or Not yet for “I can send a message or a photo" in content
    assert response.context["form"][str(first.pk)].value() == "yes"
    assert response.context["form"][str(third.pk)].value() == "not_yet"


def test_a_tampered_answer_is_an_error_not_a_crash(client, statements):
    data = {str(statement.pk): "yes" for statement in statements["foundation"]}
    data[str(statements["foundation"][0].pk)] = "<script>"
    data["99999"] = "yes"

    response = client.post("/skills-check/foundation/", data)

    assert response.status_code == 200
    assert b"Select Yes, With help or Not yet for" in response.content
    assert DRAFT not in client.session


def test_an_area_with_no_statements_is_skipped_and_the_total_says_so(client, statements):
    for statement in statements["handling-information"]:
        statement.delete()

    assert b"5 short pages" in client.get("/skills-check/").content
    assert b"Step 1 of 5" in client.get("/skills-check/foundation/").content
    assert client.get("/skills-check/handling-information/").status_code == 404
    # From communicating (step 2) straight on to transacting (step 3).
    moved = answer(client, statements, "communicating")
    assert moved["Location"] == "/skills-check/transacting/"
    step = client.get("/skills-check/transacting/")
    assert b"Step 3 of 5" in step.content
    assert b'href="/skills-check/communicating/"' in step.content  # Back
    assert b"Step 5 of 5" in client.get("/skills-check/safe-and-legal/").content

    for slug in ("foundation", "transacting", "problem-solving", "safe-and-legal"):
        answer(client, statements, slug)
    result = client.get("/skills-check/result/")
    assert result.status_code == 200
    assert [item.area.slug for item in result.context["area_results"]] == [
        slug for slug in ORDER if slug != "handling-information"
    ]


def test_a_tampered_step_is_not_found(client, statements):
    assert client.get("/skills-check/not-an-area/").status_code == 404
    assert client.post("/skills-check/..%2Fadmin/", {}).status_code == 404


def test_the_result_waits_until_every_area_is_answered(client, statements):
    assert client.get("/skills-check/result/")["Location"] == "/skills-check/foundation/"
    answer(client, statements, "foundation")
    assert client.get("/skills-check/result/")["Location"] == "/skills-check/communicating/"


def test_the_pages_are_never_kept_by_a_cache(client, statements):
    for address in ("/skills-check/", "/skills-check/foundation/"):
        assert "no-cache" in client.get(address)["Cache-Control"]
    finish(client, statements)
    assert "no-store" in client.get("/skills-check/result/")["Cache-Control"]


def test_the_result_says_where_they_are_in_words(client, statements):
    finish(client, statements, weak=["transacting"])
    answer(client, statements, "safe-and-legal", "help")

    response = client.get("/skills-check/result/")

    rows = {item.area.slug: item.standing.name for item in response.context["area_results"]}
    assert rows["foundation"] == "Confident"
    assert rows["transacting"] == "New to this"
    assert rows["safe-and-legal"] == "Getting there"
    assert b"New to this</strong>. This is new to you." in response.content
    assert b"%" not in response.content.split(b"where-you-are")[1].split(b"</dl>")[0]


def test_next_steps_are_courses_at_the_right_level_nearest_first(
    client, statements, transacting_courses
):
    finish(client, statements, weak=["transacting"])

    soonest = client.get("/skills-check/result/")
    near = client.get("/skills-check/result/?postcode=pr7+1ab")

    [step] = soonest.context["steps"]
    assert step.result.area.slug == "transacting"
    titles = [course.page.title for course in step.courses]
    assert "Advanced online banking" not in titles
    assert set(titles) == {"Paying safely online in Chorley", "Paying safely online in Preston"}
    [step] = near.context["steps"]
    assert [course.page.title for course in step.courses][0] == "Paying safely online in Chorley"
    assert b"Courses near PR7 1AB" in near.content
    assert b"Chorley Library" in near.content


def test_a_bad_postcode_is_an_error_that_keeps_what_was_typed(client, statements, directory):
    finish(client, statements, weak=["foundation"])

    response = client.get("/skills-check/result/?postcode=XX99+ZZZ")

    content = response.content.decode()
    assert "<title>Error: " in content
    assert "Enter a real postcode, like PR7 1DP." in content
    assert 'value="XX99 ZZZ"' in content


def test_learning_at_home_is_suggested_for_the_weakest_areas(client, statements, skill_areas):
    LearningResourceFactory(
        title="Email step by step",
        level="first_steps",
        skill_areas=[skill_areas["communicating"]],
    )
    LearningResourceFactory(title="Tablet basics", skill_areas=[skill_areas["foundation"]])
    finish(client, statements, weak=["communicating"])

    response = client.get("/skills-check/result/")

    [step] = response.context["steps"]
    assert [resource.title for resource in step.resources] == ["Email step by step"]
    assert b"/learn-at-home/go/" in response.content


def test_confident_everywhere_says_so(client, statements):
    finish(client, statements)

    response = client.get("/skills-check/result/")

    assert response.context["steps"] == []
    assert b"You are confident in every area" in response.content


def test_a_finished_check_is_counted_once_with_nothing_personal(client, statements):
    finish(client, statements, weak=["transacting", "safe-and-legal"])

    client.get("/skills-check/result/")
    client.get("/skills-check/result/?postcode=PR7+1AB")

    check = FinishedCheck.objects.get()
    assert check.weakest_areas == ["transacting", "safe-and-legal"]
    assert {field.name for field in FinishedCheck._meta.fields} == {
        "id",
        "finished_on",
        "weakest_areas",
    }


@pytest.mark.usefixtures("transacting_courses")
def test_the_result_can_be_emailed_through_the_outbox(client, statements, mailoutbox, settings):
    settings.EMAIL_BACKEND = "website.outbox.OutboxEmailBackend"
    finish(client, statements, weak=["transacting"])

    response = client.post(
        "/skills-check/result/",
        {"email": "alex@example.org", "postcode": "PR7 1AB", "action": "email"},
    )

    assert b"We have emailed your result to alex@example.org" in response.content
    [email] = mailoutbox
    assert email.to == ["alex@example.org"]
    assert "Transacting: New to this." in email.body
    assert "Paying safely online in Chorley" in email.body
    assert OutgoingEmail.objects.count() == 1


def test_a_bad_email_address_is_an_error_that_keeps_it(client, statements, mailoutbox):
    finish(client, statements, weak=["foundation"])

    response = client.post("/skills-check/result/", {"email": "alex@", "action": "email"})

    content = response.content.decode()
    assert "<title>Error: " in content
    assert "Enter an email address like name@example.org." in content
    assert 'value="alex@"' in content
    assert not mailoutbox


def test_emailing_is_limited(client, statements, mailoutbox):
    finish(client, statements, weak=["foundation"])
    for _ in range(6):
        response = client.post(
            "/skills-check/result/", {"email": "alex@example.org", "action": "email"}
        )

    assert len(mailoutbox) == 5
    assert b"You have sent a lot of emails" in response.content


def test_the_course_places_can_be_saved_to_the_shortlist(client, statements, transacting_courses):
    finish(client, statements, weak=["transacting"])

    response = client.post("/skills-check/result/shortlist/", {"postcode": "PR7 1AB"}, follow=True)

    assert response.redirect_chain[-1][0] == "/find-help/shortlist/"
    titles = {listing.title for listing in response.context["listings"]}
    assert titles == {"Chorley Library", "Preston Hub"}


def test_saving_to_the_shortlist_needs_a_finished_check(client, statements):
    response = client.post("/skills-check/result/shortlist/", {})

    assert response["Location"] == "/skills-check/foundation/"
    assert client.get("/skills-check/result/shortlist/").status_code == 405
