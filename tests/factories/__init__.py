from .champions import ActivityFactory, ChampionFactory, SkillFactory
from .pages import (
    ContentPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    link_value,
    rich_text_block,
)

__all__ = [
    "ActivityFactory",
    "ChampionFactory",
    "ContentPageFactory",
    "HomePageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "SkillFactory",
    "link_value",
    "rich_text_block",
]
