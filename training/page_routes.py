"""What the course page's routes answer: its calendar downloads and the
booking pages. TrainingConfig.ready() names this module for the page
(website/page_routes.py), so the models never import what imports them."""

from training.booking_routes import book_session, booking_detail, cancel_booking
from training.calendar_routes import course_calendar, session_calendar

__all__ = [
    "book_session",
    "booking_detail",
    "cancel_booking",
    "course_calendar",
    "session_calendar",
]
