"""The skills check run inside a referral: frontline staff go through the
same "I can …" statements with the resident (learning/skills_check.py), and
the answers tick the referral's skills barriers and show, area by area and
in words, on check your answers.

The answers live in the referral's session draft only, under SKILLS; a
referral keeps just where the resident is in each area (the area's name and
the words, like "Starting out"), never the answers to each statement. Plain
functions over the draft; the views are in skills_views.py."""

from learning import check_record, skills_check

SKILLS = "skills_check"
# Barriers the check ticks: little or no skills when any area is below
# "Getting there"; low confidence when staying safe online is.
LOW = (skills_check.STARTING_OUT, skills_check.NEW_TO_THIS)
SAFETY_AREA = "safe-and-legal"


def answers(draft):
    return draft.get(SKILLS, {}).get("answers", {})


def keep_answers(draft, new_answers):
    draft.setdefault(SKILLS, {}).setdefault("answers", {}).update(new_answers)


def results(draft, areas=None):
    """Each area's result when every area has been answered, else None (a
    check not started or not finished, or asked again after coordinators
    added statements)."""
    areas = skills_check.check_areas() if areas is None else areas
    given = answers(draft)
    if not areas or not given or skills_check.first_unanswered(areas, given) is not None:
        return None
    return skills_check.results(areas, given)


def barriers_from(area_results):
    """The referral barriers (choices.BARRIERS slugs) the results point to."""
    low = [result for result in area_results if result.standing in LOW]
    found = []
    if low:
        found.append("low_skills")
    if any(result.area.slug == SAFETY_AREA for result in low):
        found.append("low_confidence")
    return found


def tick_barriers(draft, area_results):
    """Add the barriers the results point to to what was typed on the
    details page (or start it), leaving every other answer as it was."""
    details = draft.setdefault("details", {})
    barriers = details.get("barriers", [])
    details["barriers"] = barriers + [b for b in barriers_from(area_results) if b not in barriers]


def summary(area_results):
    """What the referral stores: [{"area", "standing"}] in the check's order."""
    return [{"area": result.area.name, "standing": result.standing.name} for result in area_results]


def count_once(draft, area_results):
    """A check finished in a referral counts on the impact dashboard as any
    other (the day and the weakest areas, nothing about who), once however
    often its answers are changed."""
    check_record.count_once(draft[SKILLS], skills_check.weakest(area_results))
