"""Courses on what worries the resident: a worry about scams (low
confidence) or a wish to stay safe online is answered with courses on
staying safe and legal online (the Essential Digital Skills framework's
skill area), at any level, before courses that only match their level."""

# barrier or goal: the skill areas (slugs) of courses that answer it
TOPICS = {
    "low_confidence": frozenset({"safe-and-legal"}),
    "safety": frozenset({"safe-and-legal"}),
}


def wanted_topics(needs):
    triggers = needs.barriers | needs.goals
    return frozenset(slug for trigger in triggers for slug in TOPICS.get(trigger, ()))


def on_topic(course, topics):
    return bool(topics & set(course.skill_areas))


def topic_reason(course, topics):
    """ "about Being safe and legal online", or "" when off topic."""
    names = [course.skill_areas[slug] for slug in course.skill_areas if slug in topics]
    return f"about {names[0][:1].lower()}{names[0][1:]}" if names else ""
