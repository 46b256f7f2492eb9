"""The routing service on plain values: no database, no HTTP."""

import datetime

from referrals import routing
from referrals.routing import Course, CourseSession, Needs, Opening, Place
from referrals.rules import DEFAULT_RULES

RULES = [routing.Rule(t, frozenset(slugs), level) for t, (slugs, level) in DEFAULT_RULES.items()]
NOW = datetime.datetime(2026, 12, 1, 9, 0)  # a Tuesday
HOME = {"latitude": 53.6530, "longitude": -2.6320}  # Chorley
MILE = 1 / 69  # about a mile of latitude

TUESDAY, THURSDAY, SATURDAY = 1, 3, 5
MORNING = (datetime.time(9, 30), datetime.time(12, 0))
STEP_FREE = {"step-free": "Step-free access"}


def place(pk, miles_north=1.0, **overrides):
    values = {
        "id": pk,
        "title": f"Place {pk}",
        "organisation_id": 100 + pk,
        "organisation": f"Partner {pk}",
        "services": {"drop-in": "Drop-in help"},
        "latitude": HOME["latitude"] + miles_north * MILE,
        "longitude": HOME["longitude"],
        "hours": (Opening(TUESDAY, *MORNING), Opening(THURSDAY, *MORNING)),
    }
    values.update(overrides)
    return Place(**values)


def course(pk, level, start, miles_north=1.0, **overrides):
    session = CourseSession(
        start=start,
        places_left=4,
        latitude=HOME["latitude"] + miles_north * MILE,
        longitude=HOME["longitude"],
        venue="Chorley Library",
    )
    values = {"id": pk, "title": f"Course {pk}", "level": level, "organisation_id": 200 + pk}
    values.update(overrides)
    return Course(sessions=(session,), **values)


def needs(**values):
    return Needs(**{**HOME, **values})


def route(the_needs, places=(), courses=()):
    return routing.route(the_needs, RULES, list(places), list(courses), NOW)


def test_no_device_and_no_skills_gets_a_device_loan_and_a_first_steps_course():
    lender = place(
        1,
        miles_north=1.1,
        services={"device-loans": "Devices to borrow", "drop-in": "Drop-in help"},
        lends_devices=True,
        devices_in_stock=3,
        accessibility=STEP_FREE,
    )
    nearer_without_devices = place(2, miles_north=0.3, services={"free-wifi": "Free wifi"})
    first_steps = course(3, "first_steps", datetime.datetime(2026, 12, 3, 10, 0))
    advanced = course(4, "advanced", datetime.datetime(2026, 12, 3, 10, 0))

    result = route(
        needs(barriers=frozenset({"no_device", "low_skills"})),
        [nearer_without_devices, lender],
        [advanced, first_steps],
    )

    assert result.places[0].id == lender.id
    assert result.places[0].because == (
        "lends devices (3 ready now); drop-in help; 1.1 miles; open Tuesday and Thursday mornings"
    )
    assert [match.id for match in result.courses] == [first_steps.id]
    assert result.courses[0].reasons[0] == "First steps course"
    assert "4 places left" in result.courses[0].reasons
    assert result.organisation_id == lender.organisation_id
    assert any("Borrowing a device" in note for note in result.notes)


def test_devices_in_stock_come_before_an_empty_cupboard():
    empty = place(1, 0.5, services={"device-loans": "Devices"}, lends_devices=True)
    stocked = place(
        2, 2.0, services={"device-loans": "Devices"}, lends_devices=True, devices_in_stock=2
    )

    result = route(needs(barriers=frozenset({"no_device"})), [empty, stocked])

    assert [match.id for match in result.places] == [stocked.id, empty.id]


def test_a_polish_speaker_is_sent_to_a_place_with_polish():
    polish = place(1, 3.0, languages={"polish": "Polish"})
    english_only = place(2, 0.5)

    result = route(
        needs(goals=frozenset({"family"}), language="polish", language_name="Polish"),
        [english_only, polish],
    )

    assert [match.id for match in result.places] == [polish.id]
    assert "speaks Polish" in result.places[0].reasons


def test_a_language_nobody_speaks_keeps_the_places_and_says_so():
    result = route(
        needs(goals=frozenset({"family"}), language="tigrinya", language_name="Tigrinya"),
        [place(1)],
    )

    assert [match.id for match in result.places] == [1]
    assert any("Tigrinya" in note and "interpreter" in note for note in result.notes)


def test_a_wheelchair_user_is_only_offered_step_free_places():
    steps = place(1, 0.2)
    step_free = place(2, 2.0, accessibility=STEP_FREE)
    step_free_course = course(
        3, "beginner", datetime.datetime(2026, 12, 3, 10), accessibility=frozenset({"step-free"})
    )
    course_with_steps = course(4, "beginner", datetime.datetime(2026, 12, 3, 10))

    result = route(
        needs(goals=frozenset({"family"}), accessibility=STEP_FREE),
        [steps, step_free],
        [course_with_steps, step_free_course],
    )

    assert [match.id for match in result.places] == [step_free.id]
    assert "step-free access" in result.places[0].reasons
    assert [match.id for match in result.courses] == [step_free_course.id]


def test_someone_free_only_on_saturdays_gets_saturday_places_and_sessions():
    weekdays = place(1, 0.3)
    saturdays = place(2, 2.5, hours=(Opening(SATURDAY, datetime.time(10), datetime.time(13)),))
    tuesday_course = course(3, "beginner", datetime.datetime(2026, 12, 1, 14))
    saturday_course = course(4, "beginner", datetime.datetime(2026, 12, 5, 10))

    result = route(
        needs(goals=frozenset({"shopping"}), days=frozenset({SATURDAY})),
        [weekdays, saturdays],
        [tuesday_course, saturday_course],
    )

    assert [match.id for match in result.places] == [saturdays.id]
    assert "open Saturday mornings and afternoons" in result.places[0].reasons
    assert [match.id for match in result.courses] == [saturday_course.id]
    assert "next session Saturday 5 December at 10am" in result.courses[0].reasons


def test_afternoons_only_leaves_out_morning_places():
    afternoon = place(2, 1, hours=(Opening(TUESDAY, datetime.time(13), datetime.time(16)),))

    result = route(
        needs(goals=frozenset({"shopping"}), times=frozenset({"afternoon"})),
        [place(1, 0.5), afternoon],
    )

    assert [match.id for match in result.places] == [afternoon.id]


def test_nothing_within_the_usual_reach_widens_the_search_and_goes_to_coordinators():
    far = place(1, miles_north=8.0)

    result = route(needs(goals=frozenset({"shopping"})), [far])

    assert [match.id for match in result.places] == [far.id]
    assert result.radius == 10
    assert result.to_coordinators
    assert any("looked up to 10 miles" in note for note in result.notes)


def test_nothing_within_the_widest_radius_goes_to_coordinators_with_a_note():
    result = route(needs(goals=frozenset({"shopping"})), [place(1, miles_north=60.0)])

    assert result.places == []
    assert result.courses == []
    assert result.to_coordinators
    assert any("nothing suitable within 25 miles" in note for note in result.notes)


def test_the_receiving_partner_must_accept_referrals():
    closed_door = place(1, 0.2, accepts_referrals=False)
    welcoming = place(2, 1.5)

    result = route(needs(goals=frozenset({"shopping"})), [closed_door, welcoming])

    assert result.places[0].id == closed_door.id
    assert result.organisation_id == welcoming.organisation_id


def test_the_place_the_referrer_chose_comes_first_and_receives_it():
    chosen = place(2, 4.0)

    result = route(needs(goals=frozenset({"shopping"}), requested_place_id=2), [place(1), chosen])

    assert result.places[0].id == chosen.id
    assert result.organisation_id == chosen.organisation_id


def test_the_chosen_place_is_offered_even_without_a_wanted_service_but_not_with_steps():
    chosen = place(1, services={"printing": "Printing"})
    chosen_with_steps = place(2, services={"printing": "Printing"})

    plain = route(needs(goals=frozenset({"shopping"}), requested_place_id=1), [chosen])
    wheelchair = route(
        needs(goals=frozenset({"shopping"}), accessibility=STEP_FREE, requested_place_id=2),
        [chosen_with_steps],
    )

    assert [match.id for match in plain.places] == [chosen.id]
    assert wheelchair.places == []


def test_national_databank_note_is_for_adults_without_enough_data():
    hub = place(1, services={"free-data": "Free data"}, is_databank_hub=True)

    adult = route(needs(barriers=frozenset({"cannot_afford_data"}), age_band="18_to_64"), [hub])
    child = route(needs(barriers=frozenset({"cannot_afford_data"}), age_band="under_18"), [hub])

    assert any("National Databank" in note for note in adult.notes)
    assert "National Databank hub: free SIM cards with data" in adult.places[0].reasons
    assert not any("National Databank" in note for note in child.notes)


def test_full_and_past_sessions_are_not_offered():
    past = course(1, "beginner", datetime.datetime(2026, 11, 30, 10))
    full = Course(
        id=2,
        title="Full",
        level="beginner",
        sessions=(CourseSession(datetime.datetime(2026, 12, 3, 10), places_left=0),),
    )
    online = Course(
        id=3,
        title="Online",
        level="beginner",
        format="online",
        sessions=(CourseSession(datetime.datetime(2026, 12, 3, 18), places_left=1),),
    )

    result = route(needs(goals=frozenset({"shopping"})), courses=[past, full, online])

    assert [match.id for match in result.courses] == [online.id]
    assert "online" in result.courses[0].reasons
    assert "1 place left" in result.courses[0].reasons


def test_without_a_location_places_are_not_filtered_by_distance():
    result = route(Needs(goals=frozenset({"shopping"})), [place(1, miles_north=100)])

    assert [match.id for match in result.places] == [1]
    assert result.radius is None


def test_openings_are_described_by_day_and_part_of_day():
    openings = [
        Opening(TUESDAY, datetime.time(9), datetime.time(12)),
        Opening(THURSDAY, datetime.time(9), datetime.time(12)),
        Opening(SATURDAY, datetime.time(10), datetime.time(15)),
        Opening(0, by_appointment=True),
    ]

    assert routing.describe_openings(openings) == (
        "open Monday by appointment, Tuesday and Thursday mornings, "
        "Saturday mornings and afternoons"
    )


def test_someone_who_wants_help_by_phone_is_offered_phone_courses_first():
    tuesday = datetime.datetime(2026, 12, 3, 10, 0)
    nearby_in_person = course(1, "first_steps", tuesday, miles_north=0.2)
    by_phone = course(2, "first_steps", tuesday, format="phone")
    online = course(3, "first_steps", tuesday, format="online")

    result = route(
        needs(barriers=frozenset({"low_skills"}), support=frozenset({"phone"})),
        courses=[nearby_in_person, online, by_phone],
    )

    assert [match.id for match in result.courses] == [by_phone.id, nearby_in_person.id, online.id]
    assert "by phone" in result.courses[0].reasons


def test_group_course_and_phone_preferences_put_online_courses_last():
    tuesday = datetime.datetime(2026, 12, 3, 10, 0)
    online = course(1, "beginner", tuesday, format="online")
    in_person = course(2, "beginner", tuesday, miles_north=3.0)
    by_phone = course(3, "beginner", tuesday, format="phone")

    result = route(
        needs(support=frozenset({"group", "phone"})), courses=[online, by_phone, in_person]
    )

    assert [match.id for match in result.courses] == [in_person.id, by_phone.id, online.id]


def test_without_a_format_preference_nearest_in_person_courses_lead_and_remote_follow():
    tuesday = datetime.datetime(2026, 12, 3, 10, 0)
    by_phone = course(1, "first_steps", tuesday, format="phone")
    in_person = course(2, "first_steps", tuesday, miles_north=3.0)

    result = route(needs(barriers=frozenset({"low_skills"})), courses=[by_phone, in_person])

    assert [match.id for match in result.courses] == [in_person.id, by_phone.id]


def test_no_device_puts_a_lender_with_stock_before_a_nearer_place_offering_more():
    busy_centre = place(
        1,
        miles_north=0.5,
        services={
            "public-computers": "Computers to use",
            "online-forms": "Help with online forms",
            "drop-in": "Drop-in help",
            "one-to-one": "One-to-one appointments",
        },
    )
    lender = place(
        2,
        miles_north=1.4,
        services={"device-loans": "Devices to borrow"},
        lends_devices=True,
        devices_in_stock=2,
    )
    empty_cupboard = place(
        3,
        miles_north=0.2,
        services={"device-loans": "Devices to borrow"},
        lends_devices=True,
        devices_in_stock=0,
    )

    result = route(
        needs(barriers=frozenset({"no_device", "low_skills"}), goals=frozenset({"benefits"})),
        [busy_centre, empty_cupboard, lender],
    )

    assert result.places[0].id == lender.id
    assert "lends devices (2 ready now)" in result.places[0].because


def test_no_device_brings_in_a_lender_from_further_away_and_the_note_is_true():
    """The nearest places lend nothing: the nearest place that lends, 8
    miles away, is suggested first, and the note names it."""
    near = [
        place(pk, miles_north=0.5 * pk, services={"public-computers": "Computers"})
        for pk in (1, 2, 3)
    ]
    lender = place(
        9,
        miles_north=8,
        services={"device-loans": "Devices"},
        lends_devices=True,
        devices_in_stock=2,
    )
    result = route(needs(barriers=frozenset({"no_device"})), [*near, lender])
    assert [match.id for match in result.places] == [9, 1, 2]
    assert "Borrowing a device: Place 9 lends devices and has 2 ready now." in result.notes


def test_no_lender_within_reach_is_said_plainly():
    near = place(1, services={"public-computers": "Computers"})
    result = route(needs(barriers=frozenset({"no_device"})), [near])
    assert [match.id for match in result.places] == [1]
    (note,) = [note for note in result.notes if note.startswith("Borrowing a device")]
    assert "no place within 25 miles that suits lends devices" in note
    assert "listed first" not in " ".join(result.notes)


def test_a_worry_about_scams_is_answered_by_a_course_on_staying_safe():
    start = datetime.datetime(2026, 12, 3, 10, 0)
    first_steps = course(1, "first_steps", start)
    safe = course(
        2, "beginner", start, skill_areas={"safe-and-legal": "Being safe and legal online"}
    )
    unrelated = course(3, "beginner", start, skill_areas={"transacting": "Transacting"})
    result = route(
        needs(barriers=frozenset({"low_confidence"})), courses=[unrelated, first_steps, safe]
    )
    assert [match.id for match in result.courses] == [2, 1]
    assert result.courses[0].reasons[0] == "Beginner course about being safe and legal online"


def test_the_chosen_place_stays_when_another_speaks_the_residents_language():
    chosen = place(1, 2.0)
    polish = place(2, 3.0, languages={"polish": "Polish"})

    result = route(
        needs(
            goals=frozenset({"shopping"}),
            language="polish",
            language_name="Polish",
            requested_place_id=1,
        ),
        [chosen, polish],
    )

    assert [match.id for match in result.places] == [chosen.id, polish.id]
    assert result.organisation_id == chosen.organisation_id
