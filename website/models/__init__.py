from .brand import BrandSettings, NavigationSettings
from .data_protection import DataProtectionSettings
from .open_data import OpenDataSettings
from .outbox import OutgoingEmail
from .pages import ContentPage, HomePage, NewsIndexPage, NewsPage
from .texts import OutgoingText, TextOptOut

__all__ = [
    "BrandSettings",
    "ContentPage",
    "DataProtectionSettings",
    "HomePage",
    "NavigationSettings",
    "NewsIndexPage",
    "NewsPage",
    "OpenDataSettings",
    "OutgoingEmail",
    "OutgoingText",
    "TextOptOut",
]
