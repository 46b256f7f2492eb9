"""Counting SMS fragments and fitting a message into two
(website/sms_fragments.py), which every text builder shares."""

import pytest

from website.sms_fragments import fit, fragments, is_gsm


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("", 0),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # each takes two places in the GSM alphabet
        ("€" * 81, 2),
        ("Łódź" + "a" * 66, 1),  # one letter outside GSM: 70 to a fragment
        ("Łódź" + "a" * 67, 2),
        ("Łódź" + "a" * 130, 2),
        ("Łódź" + "a" * 131, 3),
    ],
)
def test_fragments_are_counted_as_phone_networks_count_them(body, count):
    assert fragments(body) == count


def test_accented_letters_in_the_gsm_alphabet_keep_a_text_gsm():
    assert is_gsm("Café Müller, Señor") and not is_gsm("Zoë’s")


def test_the_highest_drop_goes_first_and_kept_parts_stay_whole():
    parts = [("A:", 0), ("b" * 100, 0), ("c" * 100, 1), ("d" * 100, 2), ("Reply STOP.", 0)]
    body = fit(parts)
    assert body == " ".join(["A:", "b" * 100, "c" * 100, "Reply STOP."])
    assert fragments(body) == 2


def test_a_ucs2_name_leaves_less_room_so_more_is_dropped():
    gsm = fit([("Polish Centre", 0), ("x" * 130, 1), ("Reply STOP.", 0)])
    ucs2 = fit([("Centrum Łódź", 0), ("x" * 130, 1), ("Reply STOP.", 0)])
    assert "x" * 130 in gsm
    assert ucs2 == "Centrum Łódź Reply STOP."
    assert fragments(ucs2) == 1


def test_kept_parts_too_long_are_cut_but_the_last_part_stays_whole():
    body = fit([("a" * 400, 0), ("Reply STOP.", 0)])
    assert body.endswith("... Reply STOP.") and fragments(body) == 2
