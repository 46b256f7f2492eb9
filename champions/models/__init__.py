from .champions import AVAILABLE_DAYS, AVAILABLE_TIMES, HEARD_ABOUT, Champion, Status
from .records import Activity, StatusChange
from .skills import Skill

__all__ = [
    "AVAILABLE_DAYS",
    "AVAILABLE_TIMES",
    "HEARD_ABOUT",
    "Activity",
    "Champion",
    "Skill",
    "Status",
    "StatusChange",
]
