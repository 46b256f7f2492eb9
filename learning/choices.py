"""The fixed answers about learning resources and the skills check. Slugs
are stored; labels are what people read."""

# The same values as training.CoursePage.Level, so that the skills check
# can suggest courses and resources at one level.
LEVELS = [
    ("first_steps", "First steps"),
    ("beginner", "Beginner"),
    ("intermediate", "Intermediate"),
    ("advanced", "Advanced"),
]

FORMATS = [
    ("video", "Video"),
    ("step_by_step", "Step by step guide"),
    ("full_course", "Full course"),
]

COSTS = [
    ("free", "Free"),
    ("free_sign_up", "Free, you need to sign up"),
    ("paid", "Costs money"),
]

ANSWERS = [
    ("yes", "Yes"),
    ("help", "With help"),
    ("not_yet", "Not yet"),
]
