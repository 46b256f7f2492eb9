"""Demo statements and resources (demo_content.py). Called by `seed_demo`
through LearningConfig.seed_demo, after the courses' demo; adds nothing
that is already there, so it can run again."""

from learning.demo_content import RESOURCES, STATEMENTS
from learning.models import LearningResource, SkillStatement
from training.framework import ensure_skill_areas
from training.models import SkillArea


def build(stdout=None):
    ensure_skill_areas(SkillArea)
    areas = {area.slug: area for area in SkillArea.objects.all()}
    statements = 0
    if not SkillStatement.objects.exists():
        for slug, texts in STATEMENTS.items():
            for order, text in enumerate(texts):
                SkillStatement.objects.create(area=areas[slug], text=text, sort_order=order)
                statements += 1
    resources = 0
    if not LearningResource.objects.exists():
        for row in RESOURCES:
            title, provider, summary, url, slugs, level, kind, cost, minutes, access = row
            resource = LearningResource.objects.create(
                title=title,
                provider=provider,
                summary=summary,
                url=url,
                level=level,
                format=kind,
                cost=cost,
                minutes=minutes,
                has_captions=access[0],
                works_with_screen_reader=access[1],
                has_large_text=access[2],
            )
            resource.skill_areas.set([areas[slug] for slug in slugs])
            resources += 1
    if stdout is not None:
        stdout.write(f"Skills check statements: {statements}; learning resources: {resources}.")
