"""How long the partnership keeps personal data, and where its privacy
notice is: one place a coordinator changes both (Settings > Data
protection). Each register that holds personal data reads its own period
here and applies it in `manage.py apply_retention` (see docs/data-protection.md)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def _months(label, default, what):
    return models.PositiveSmallIntegerField(
        label,
        default=default,
        help_text=f"Months to keep {what}, after which names and contact details are erased.",
    )


@register_setting(icon="lock")
class DataProtectionSettings(BaseGenericSetting):
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Linked from every form that collects personal data.",
    )
    booking_retention_months = _months(
        "bookings", 12, "course bookings after the session has ended"
    )
    champion_retention_months = _months(
        "digital champions",
        24,
        "digital champions who have left or never went beyond applying, counted from their "
        "last change",
    )
    referral_retention_months = _months("referrals", 12, "referrals after they were closed")
    problem_report_retention_months = _months(
        "problem reports",
        12,
        "what people wrote in problem reports about listings, after they wrote it",
    )

    panels = [
        FieldPanel("privacy_notice"),
        MultiFieldPanel(
            [
                FieldPanel("booking_retention_months"),
                FieldPanel("champion_retention_months"),
                FieldPanel("referral_retention_months"),
                FieldPanel("problem_report_retention_months"),
            ],
            heading="How long we keep personal data",
        ),
    ]

    class Meta:
        verbose_name = "data protection"
        permissions = [
            ("manage_personal_data", "Can find, export and erase one person's data"),
        ]
