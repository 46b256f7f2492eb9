from .brand import BrandSettings, NavigationSettings
from .pages import ContentPage, HomePage, NewsIndexPage, NewsPage

__all__ = [
    "BrandSettings",
    "ContentPage",
    "HomePage",
    "NavigationSettings",
    "NewsIndexPage",
    "NewsPage",
]
