"""The partnership's brand and navigation, edited under Settings in the admin
(wagtail.contrib.settings), one set per site."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from website import brand_colour
from website.blocks import LinkBlock

DEFAULT_BRAND_COLOUR = "#0b5d66"


@register_setting(icon="pick")
class BrandSettings(BaseSiteSetting):
    """Who the partnership is and how to reach it: shown in every page's
    header and footer."""

    partnership_name = models.CharField(max_length=120, default="Digital inclusion partnership")
    tagline = models.CharField(
        max_length=200, blank=True, help_text="One line under the name, such as the area served."
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header beside the name. The name is the logo's text alternative.",
    )
    brand_colour = models.CharField(
        max_length=7,
        default=DEFAULT_BRAND_COLOUR,
        validators=[RegexValidator(brand_colour.HEX_COLOUR, "Enter a colour in the form #1a2b3c.")],
        help_text=(
            "Header, button and footer colour, as #rrggbb. It must be dark enough for white "
            "text to be read on it (contrast of at least 4.5 to 1)."
        ),
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=30, blank=True)
    social_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        help_text="Links to the partnership's social media accounts.",
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        help_text="Links in the footer, such as the accessibility statement and privacy notice.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("partnership_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading="Identity",
        ),
        FieldPanel("brand_colour"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone")], heading="Contact"
        ),
        FieldPanel("social_links"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = "brand"

    def clean(self):
        super().clean()
        if brand_colour.HEX_COLOUR.match(self.brand_colour or ""):
            ratio = brand_colour.contrast_ratio(self.brand_colour, "#ffffff")
            if ratio < brand_colour.MINIMUM_CONTRAST_WITH_WHITE:
                raise ValidationError(
                    {
                        "brand_colour": (
                            f"White text on {self.brand_colour} has a contrast of only "
                            f"{ratio:.1f} to 1; it needs at least 4.5 to 1. "
                            "Choose a darker colour."
                        )
                    }
                )

    @property
    def brand_colour_dark(self):
        return brand_colour.darken(self.brand_colour)


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The main menu shown under the header on every page."""

    main_navigation = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=8,
        help_text="Up to 8 links, in the order they appear.",
    )

    panels = [FieldPanel("main_navigation")]

    class Meta:
        verbose_name = "navigation"
