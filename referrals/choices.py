"""The fixed answers on the referral form, shared by the model, the form,
the routing rules and the routing service. Slugs are stored; labels are
what people read."""

BARRIERS = [
    ("no_device", "No device (phone, tablet or computer)"),
    ("no_internet", "No internet at home"),
    ("cannot_afford_data", "Cannot afford data"),
    ("low_skills", "Little or no digital skills"),
    ("low_confidence", "Low confidence or worried about scams"),
    ("not_for_them", "Not sure it is for them"),
    ("access_needs", "Disability or access needs"),
    ("language", "Needs another language"),
    ("other", "Other"),
]

# What kind of organisation a referrer works for: for the impact figures
# (which partners' staff refer residents), never to identify anyone.
REFERRER_KINDS = [
    ("council", "Council"),
    ("jobcentre", "Jobcentre Plus or DWP"),
    ("health", "NHS, GP practice or other health service"),
    ("housing", "Housing provider"),
    ("library", "Library"),
    ("education", "College or adult learning"),
    ("charity", "Charity or community group"),
    ("other", "Another kind of organisation"),
]

GOALS = [
    ("benefits", "Apply for benefits"),
    ("health", "Health and the NHS App"),
    ("jobs", "Look for and apply for jobs"),
    ("family", "Keep in touch with family and friends"),
    ("shopping", "Shopping and paying bills"),
    ("council", "Council services"),
    ("safety", "Staying safe online"),
    ("something_else", "Something else"),
]

SUPPORT = [
    ("drop_in", "Drop-in help"),
    ("one_to_one", "One-to-one appointments"),
    ("group", "A group course"),
    ("phone", "Help by phone"),
]

TIMES_OF_DAY = [
    ("morning", "Mornings"),
    ("afternoon", "Afternoons"),
    ("evening", "Evenings"),
]

WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]

# The same values as training.CoursePage.Level, repeated here because the
# directory works without the training app installed.
COURSE_LEVELS = [
    ("first_steps", "First steps"),
    ("beginner", "Beginner"),
    ("intermediate", "Intermediate"),
    ("advanced", "Advanced"),
]


# A routing rule's trigger is a barrier or a goal; their slugs never clash.
TRIGGERS = [("Barriers", BARRIERS), ("Goals", GOALS)]


def labels(choices, values):
    """The labels of the chosen values, in the order the choices list them."""
    chosen = set(values or ())
    return [label for value, label in choices if value in chosen]
