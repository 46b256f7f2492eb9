from .access_points import AccessPointPage, OpeningHours
from .feedback import ListingNote, ProblemReport
from .organisations import DirectoryIndexPage, OrganisationPage
from .place_rows import PlaceRow
from .postcodes import Postcode, PostcodeDistrict
from .taxonomy import AccessibilityFeature, Area, Language, ServiceType

__all__ = [
    "AccessPointPage",
    "AccessibilityFeature",
    "Area",
    "DirectoryIndexPage",
    "Language",
    "ListingNote",
    "OpeningHours",
    "OrganisationPage",
    "PlaceRow",
    "Postcode",
    "PostcodeDistrict",
    "ProblemReport",
    "ServiceType",
]
