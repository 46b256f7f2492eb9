from .counts import FinishedCheck
from .resources import LearningResource, ResourceStartDay
from .statements import SkillStatement

__all__ = ["FinishedCheck", "LearningResource", "ResourceStartDay", "SkillStatement"]
