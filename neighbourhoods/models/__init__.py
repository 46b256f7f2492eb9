from .areas import Area, AreaSet
from .indicators import Indicator, IndicatorValue
from .page import WhereHelpIsNeededPage
from .reach import AreaReach

__all__ = [
    "Area",
    "AreaReach",
    "AreaSet",
    "Indicator",
    "IndicatorValue",
    "WhereHelpIsNeededPage",
]
