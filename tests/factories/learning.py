"""Factories for learning-at-home resources and skills check statements."""

import factory

from learning.models import LearningResource, SkillStatement


class LearningResourceFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    provider = "Good Things Foundation"
    summary = "Learn the basics at your own pace."
    url = factory.Sequence(lambda n: f"https://learn.example.org/course-{n}/")
    level = "beginner"
    format = "step_by_step"
    cost = "free"
    minutes = 20

    class Meta:
        model = LearningResource
        skip_postgeneration_save = True

    @factory.post_generation
    def skill_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.skill_areas.set(extracted)


class SkillStatementFactory(factory.django.DjangoModelFactory):
    text = factory.Sequence(lambda n: f"I can do thing {n}.")
    sort_order = factory.Sequence(int)

    class Meta:
        model = SkillStatement
