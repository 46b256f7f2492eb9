"""The licence the partnership publishes its open data under: the
directory's downloads (and any other open data the site serves) say which
licence applies and whom to credit. One place, under Settings > Open data,
so a coordinator changes it once for every download."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

OGL_NAME = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


@register_setting(icon="download")
class OpenDataSettings(BaseGenericSetting):
    licence_name = models.CharField(
        max_length=120,
        default=OGL_NAME,
        help_text="For example: Open Government Licence v3.0, or CC BY 4.0.",
    )
    licence_url = models.URLField(
        default=OGL_URL, help_text="Where people can read the licence in full."
    )
    attribution = models.CharField(
        "credit line",
        max_length=250,
        blank=True,
        help_text=(
            "How reusers should credit the data, for example: Contains data from Get Online "
            "Chorley and South Ribble. Leave empty to use the partnership's name."
        ),
    )

    panels = [FieldPanel("licence_name"), FieldPanel("licence_url"), FieldPanel("attribution")]

    class Meta:
        verbose_name = "open data"
