"""Access points: the places where residents get online or get help, each
under the organisation that runs it."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from directory import hours, listing_extras, place_rows
from directory.models.imported import ImportedFromFeed
from directory.models.postcodes import locate, locate_district
from directory.postcode_rules import PostcodeError, normalise_district, normalise_postcode
from website.page_extras import extra_context
from website.page_routes import page_routes

STALE_AFTER_DAYS = 183  # about six months


class AccessPointPage(RoutablePageMixin, ImportedFromFeed, Page):
    """One place that offers help: a library, a community centre, a drop-in.
    Everything a resident needs to decide whether to go, on one page."""

    class Cost(models.TextChoices):
        FREE = "free", "Free"
        LOW_COST = "low_cost", "Low cost"

    summary = models.CharField(max_length=250, help_text="One sentence shown in search results.")
    description = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])

    address_line_1 = models.CharField(max_length=120, blank=True)
    address_line_2 = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=80)
    postcode = models.CharField(max_length=8, help_text="For example PR7 1DP.")
    latitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(49.0), MaxValueValidator(61.0)],
        help_text="Leave blank to use the postcode's location.",
    )
    longitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-8.7), MaxValueValidator(2.0)]
    )
    hide_address = models.BooleanField(
        default=False,
        help_text="For help given at home or on outreach: show only the town and area.",
    )
    area = models.ForeignKey(
        "directory.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    services = ParentalManyToManyField("directory.ServiceType", blank=True, related_name="+")
    accessibility = ParentalManyToManyField(
        "directory.AccessibilityFeature", blank=True, related_name="+"
    )
    languages = ParentalManyToManyField("directory.Language", blank=True, related_name="+")
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    booking_needed = models.BooleanField(default=False)

    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)

    is_databank_hub = models.BooleanField(
        "National Databank hub",
        default=False,
        help_text="Gives free SIM cards with data to eligible residents.",
    )
    lends_devices = models.BooleanField(default=False)
    devices_in_stock = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How many devices are ready to lend now."
    )

    temporarily_closed = models.BooleanField(default=False)
    closed_message = models.CharField(
        max_length=250, blank=True, help_text="For example: closed for refurbishment until May."
    )
    show_from = models.DateField(null=True, blank=True, help_text="Hidden from search before.")
    show_until = models.DateField(null=True, blank=True, help_text="Hidden from search after.")
    last_checked = models.DateField(
        default=timezone.localdate,
        help_text="The date someone last confirmed every detail here is right.",
    )
    uprn = models.CharField(
        "UPRN",
        max_length=12,
        blank=True,
        help_text="The building's Unique Property Reference Number, if you know it.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address_line_1"),
                FieldPanel("address_line_2"),
                FieldRowPanel([FieldPanel("town"), FieldPanel("postcode")]),
                FieldPanel("area"),
                FieldPanel("hide_address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("uprn"),
            ],
            heading="Where",
        ),
        InlinePanel("opening_hours", heading="Opening hours", label="Opening time"),
        MultiFieldPanel(
            [
                FieldPanel("services"),
                FieldPanel("cost"),
                FieldPanel("booking_needed"),
                FieldPanel("is_databank_hub"),
                FieldRowPanel([FieldPanel("lends_devices"), FieldPanel("devices_in_stock")]),
            ],
            heading="What is offered",
        ),
        FieldPanel("accessibility"),
        FieldPanel("languages"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading="Contact"
        ),
        MultiFieldPanel(
            [
                FieldPanel("temporarily_closed"),
                FieldPanel("closed_message"),
                FieldRowPanel([FieldPanel("show_from"), FieldPanel("show_until")]),
                FieldPanel("last_checked"),
            ],
            heading="Status",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("description"),
        index.SearchField("town"),
        index.AutocompleteField("town"),
        index.SearchField("postcode"),
        index.RelatedFields(
            "services", [index.SearchField("name"), index.AutocompleteField("name")]
        ),
        index.FilterField("cost"),
    ]

    parent_page_types = ["directory.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = "access point"
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def save(self, *args, **kwargs):
        """Index again once the services are saved: modelcluster commits
        many-to-many values after the post_save signal that triggers
        indexing, which would otherwise leave search a save behind."""
        result = super().save(*args, **kwargs)
        index.insert_or_update_object(self)
        place_rows.refresh([self.pk])  # likewise the search row
        return result

    def clean(self):
        super().clean()
        errors = {}
        try:
            self.postcode = self.normalised_postcode()
        except PostcodeError as error:
            errors["postcode"] = str(error)
        if "postcode" not in errors and (self.latitude is None or self.longitude is None):
            try:
                location = (locate if " " in self.postcode else locate_district)(self.postcode)
            except PostcodeError as error:
                errors["postcode"] = (
                    f"{error} Or enter the latitude and longitude of the place yourself."
                )
            else:
                self.latitude, self.longitude = location.latitude, location.longitude
        if self.show_from and self.show_until and self.show_until < self.show_from:
            errors["show_until"] = "The listing must stop showing after it starts."
        if self.devices_in_stock and not self.lends_devices:
            errors["lends_devices"] = "Tick this if you have devices to lend."
        if errors:
            raise ValidationError(errors)

    def normalised_postcode(self):
        """The postcode in its canonical form. A place whose address is
        hidden may give its postcode district alone ("PR7"): all anyone is
        shown of it, and all a publisher that hides such addresses gives us
        (an imported listing, docs/federation.md). It is then placed at the
        district's centre."""
        if self.hide_address:
            try:
                return normalise_district(self.postcode)
            except PostcodeError:
                pass
        return normalise_postcode(self.postcode)

    # What the template shows is prepared in page_routes.py.

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_routes("directory").access_point_context(request, self))
        # What apps above add (learning at home's resources).
        context.update(extra_context(request, self))
        return context

    @path("report-a-problem/", name="report_problem")
    def report_problem(self, request):
        return page_routes("directory").report_problem(request, self)

    @path("report-a-problem/sent/", name="report_problem_sent")
    def report_problem_sent(self, request):
        return page_routes("directory").report_problem_sent(request, self)

    @property
    def report_problem_url(self):
        return self.url + self.reverse_subpage("report_problem")

    @cached_property
    def services_list(self):
        return list(self.services.all())

    @cached_property
    def accessibility_list(self):
        return list(self.accessibility.all())

    @cached_property
    def hours_list(self):
        return list(self.opening_hours.all())

    @property
    def weekly_hours(self):
        return hours.weekly_table(self.hours_list)

    def hours_on(self, day):
        return hours.describe_day(self.hours_list, day)

    def is_open_at(self, moment):
        return not self.temporarily_closed and hours.is_open_at(self.hours_list, moment)

    @property
    def public_address(self):
        """The address lines a resident sees: the town and area only when the
        exact address is hidden."""
        if self.hide_address:
            return [part for part in (self.town, str(self.area) if self.area else "") if part]
        return [
            part
            for part in (self.address_line_1, self.address_line_2, self.town, self.postcode)
            if part
        ]

    @property
    def is_stale(self):
        return self.last_checked < timezone.localdate() - datetime.timedelta(STALE_AFTER_DAYS)

    def is_shown_on(self, day):
        return (self.show_from is None or self.show_from <= day) and (
            self.show_until is None or day <= self.show_until
        )

    @property
    def directions_links(self):
        """Directions in the map apps people have on their phones (each of
        these addresses opens the app when it is installed, the website
        otherwise); none when the address is hidden."""
        if self.hide_address or self.latitude is None:
            return []
        point = f"{self.latitude:.5f}%2C{self.longitude:.5f}"
        return [
            ("Google Maps", f"https://www.google.com/maps/dir/?api=1&destination={point}"),
            ("Apple Maps", f"https://maps.apple.com/?daddr={point}"),
            ("OpenStreetMap", f"https://www.openstreetmap.org/directions?to={point}"),
        ]

    @property
    def organisation(self):
        return self.get_parent().specific

    def pages_showing_this(self):
        """Pages other than its ancestors that show what it says: the courses
        held here name it (listing_extras.py). A CDN is told to forget them
        when it changes (website/cdn_purge.py)."""
        return listing_extras.pages_showing(self)


class OpeningHours(Orderable):
    """One opening session: a day with opening and closing times, or a day
    when the place sees people by appointment."""

    page = ParentalKey(AccessPointPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(
        choices=[(number, name) for number, name in enumerate(hours.DAY_NAMES)]
    )
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True)
    by_appointment = models.BooleanField(default=False)
    note = models.CharField(max_length=120, blank=True, help_text="For example: term time only.")

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldRowPanel([FieldPanel("by_appointment"), FieldPanel("note")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "opening session"
        indexes = [models.Index(fields=["weekday", "opens", "closes"])]

    def clean(self):
        super().clean()
        if self.by_appointment:
            return
        if self.opens is None or self.closes is None:
            raise ValidationError("Give the opening and closing times, or tick by appointment.")
        if self.closes <= self.opens:
            raise ValidationError({"closes": "The closing time must be after the opening time."})
