"""The skills check's statements: short "I can …" sentences for each area of
the Essential Digital Skills framework. Content, not code: coordinators
edit, reorder and add them in the admin (a snippet with a drag order)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class SkillStatement(Orderable):
    area = models.ForeignKey(
        "training.SkillArea", on_delete=models.CASCADE, related_name="statements"
    )
    text = models.CharField(
        "statement",
        max_length=120,
        help_text="Short and plain, starting “I can”. For example: I can send an email.",
    )

    panels = [FieldPanel("area"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "skills check statement"

    def __str__(self):
        return self.text
