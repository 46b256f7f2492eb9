from .courses import CoursePage, courses_at
from .sessions import Session
from .skills import SkillArea

__all__ = ["CoursePage", "Session", "SkillArea", "courses_at"]
