"""Where someone stands in each area, and which areas are weakest: plain
functions over answers."""

from learning import skills_check
from learning.skills_check import (
    CONFIDENT,
    GETTING_THERE,
    NEW_TO_THIS,
    STARTING_OUT,
    Area,
    Statement,
)


def area(slug, *pks):
    return Area(slug, slug.title(), "", tuple(Statement(pk, f"I can {pk}") for pk in pks))


AREAS = [area("foundation", 1, 2, 3), area("communicating", 4, 5, 6), area("transacting", 7, 8)]


def answers(**by_pk):
    return {key.lstrip("s"): value for key, value in by_pk.items()}


def test_the_words_for_where_someone_is():
    foundation = AREAS[0]
    cases = [
        (answers(s1="yes", s2="yes", s3="yes"), CONFIDENT),
        (answers(s1="yes", s2="help", s3="yes"), GETTING_THERE),
        (answers(s1="help", s2="help", s3="help"), GETTING_THERE),
        (answers(s1="help", s2="not_yet", s3="not_yet"), STARTING_OUT),
        (answers(s1="not_yet", s2="not_yet", s3="not_yet"), NEW_TO_THIS),
    ]
    for given, expected in cases:
        [result] = skill_results([foundation], given)
        assert result.standing is expected, given


def skill_results(areas, given):
    return skills_check.results(areas, given)


def test_weakest_areas_come_lowest_first_and_leave_out_confident_ones():
    given = answers(
        s1="yes", s2="yes", s3="yes", s4="help", s5="yes", s6="yes", s7="not_yet", s8="help"
    )

    weakest = skills_check.weakest(skill_results(AREAS, given))

    assert [result.area.slug for result in weakest] == ["transacting", "communicating"]


def test_ties_keep_the_frameworks_order_and_at_most_two_are_suggested():
    given = {str(pk): "not_yet" for pk in range(1, 9)}

    weakest = skills_check.weakest(skill_results(AREAS, given))

    assert [result.area.slug for result in weakest] == ["foundation", "communicating"]


def test_someone_confident_everywhere_has_no_weakest_area():
    given = {str(pk): "yes" for pk in range(1, 9)}

    assert skills_check.weakest(skill_results(AREAS, given)) == []


def test_the_first_area_with_an_unanswered_or_tampered_answer_is_found():
    given = answers(s1="yes", s2="yes", s3="yes", s4="yes", s5="maybe", s6="yes")

    assert skills_check.first_unanswered(AREAS, given).slug == "communicating"
    assert skills_check.first_unanswered(AREAS, {**given, "5": "yes"}).slug == "transacting"


def test_areas_come_in_the_frameworks_order_with_their_statements_in_order(statements):
    areas = skills_check.check_areas()

    assert [area.slug for area in areas] == [
        "foundation",
        "communicating",
        "handling-information",
        "transacting",
        "problem-solving",
        "safe-and-legal",
    ]
    assert areas[1].statements[0].text == "I can send and read an email."
    assert all(len(area.statements) == 3 for area in areas)
