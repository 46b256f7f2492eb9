from .pages import (
    ContentPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    link_value,
    rich_text_block,
)

__all__ = [
    "ContentPageFactory",
    "HomePageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "link_value",
    "rich_text_block",
]
