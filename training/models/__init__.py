from .bookings import Booking, contact_key
from .courses import CoursePage, courses_at
from .sessions import Session, sessions_booked_through
from .skills import SkillArea

__all__ = [
    "Booking",
    "CoursePage",
    "Session",
    "SkillArea",
    "contact_key",
    "courses_at",
    "sessions_booked_through",
]
