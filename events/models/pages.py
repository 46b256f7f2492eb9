"""Events: a dated happening residents can come to (a drop-in, a hack day, a
gaming afternoon), as pages under the one events index at /events/.

An event that takes bookings owns a `training.Session` (its `host_page`),
kept in step with the page each time it is published (events/booking_session.py),
so that the course booking engine books it: places, waiting list, cancel
links and emails are one system (training/booking.py)."""

from django import forms
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from events.forms import EventPageForm
from training.models import Session
from training.models.sessions import describe_when
from website.blocks import ContentStreamBlock
from website.page_routes import page_routes


class EventIndexPage(RoutablePageMixin, Page):
    """/events/: upcoming events by date with filters, and the feed of them
    all. Its list is worked out in events/page_routes.py."""

    intro = models.TextField(max_length=500, blank=True)
    on_home_page = models.PositiveSmallIntegerField(
        "events on the home page",
        default=3,
        validators=[MaxValueValidator(6)],
        help_text="How many of the next events the home page shows (0 for none).",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("on_home_page")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "events index"

    def get_template(self, request, *args, **kwargs):
        return "events/event_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_routes("events").index_context(request, self))
        return context

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return page_routes("events").all_events_calendar(request, self)

    def get_cached_paths(self):
        return ["/", "/" + self.reverse_subpage("calendar")]

    @property
    def calendar_url(self):
        return self.url + self.reverse_subpage("calendar")


class EventPage(RoutablePageMixin, Page):
    """One event. Where it is: an access point, another address, or online
    (its joining link is sent only to people with a place, never shown).
    With a capacity it takes bookings; without one, people just come."""

    class Kind(models.TextChoices):
        DROP_IN = "drop_in", "Drop-in or open day"
        WORKSHOP = "workshop", "Workshop or talk"
        HACK = "hack", "Hack event"
        GAMING = "gaming", "Gaming event"
        OTHER = "other", "Other event"

    class Where(models.TextChoices):
        ACCESS_POINT = "access_point", "At an access point"
        ADDRESS = "address", "At another address"
        ONLINE = "online", "Online"

    summary = models.TextField(max_length=500, help_text="One or two sentences shown in lists.")
    body = StreamField(ContentStreamBlock(), blank=True)
    kind = models.CharField(
        "type of event", max_length=20, choices=Kind.choices, default=Kind.DROP_IN
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    where = models.CharField(max_length=20, choices=Where.choices, default=Where.ACCESS_POINT)
    venue = models.ForeignKey(
        "directory.AccessPointPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name="access point",
    )
    address = models.CharField(
        max_length=200, blank=True, help_text="For an event somewhere other than an access point."
    )
    joining_link = models.URLField(
        blank=True,
        help_text="For an online event: sent only to people with a place, never shown on the page.",
    )
    audience = models.CharField(
        "who it is for",
        max_length=250,
        blank=True,
        help_text="For example: families with children over 8.",
    )
    cost = models.CharField(
        max_length=120, default="Free", help_text="For example: Free, or £2 on the door."
    )
    accessibility = ParentalManyToManyField(
        "directory.AccessibilityFeature", blank=True, related_name="+"
    )
    accessibility_note = models.CharField(
        max_length=250, blank=True, help_text="For example: BSL interpreter on request."
    )
    capacity = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="How many people can book. Leave empty if people need not book.",
    )
    organiser = models.ForeignKey(
        "directory.OrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The partner running it, whom people can contact.",
    )
    cancelled = models.BooleanField(
        default=False, help_text="The page stays up and says so; no one can book."
    )

    base_form_class = EventPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("kind"),
                FieldPanel("where", widget=forms.RadioSelect),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("joining_link"),
            ],
            heading="When and where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("cost"),
                FieldPanel("capacity"),
                FieldPanel("organiser"),
                FieldPanel("cancelled"),
            ],
            heading="About the event",
        ),
        FieldPanel("accessibility", widget=forms.CheckboxSelectMultiple),
        FieldPanel("accessibility_note"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "event"
        indexes = [models.Index(fields=["end", "start"])]

    def get_template(self, request, *args, **kwargs):
        return "events/event_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_routes("events").event_context(request, self))
        return context

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return page_routes("events").event_calendar(request, self)

    @path("book/", name="book")
    def book(self, request):
        return page_routes("events").book_event(request, self)

    @path("bookings/<str:token>/", name="booking")
    def booking(self, request, token):
        return page_routes("events").booking_detail(request, self, token)

    @path("bookings/<str:token>/cancel/", name="cancel_booking")
    def cancel_booking(self, request, token):
        return page_routes("events").cancel_booking(request, self, token)

    def get_cached_paths(self):
        return ["/", "/" + self.reverse_subpage("calendar")]

    def pages_showing_this(self):
        """The access point it is held at lists it (website/cdn_purge.py)."""
        from directory.models import AccessPointPage

        return AccessPointPage.objects.live().filter(pk=self.venue_id)

    @property
    def calendar_url(self):
        return self.url + self.reverse_subpage("calendar")

    @property
    def book_url(self):
        return self.url + self.reverse_subpage("book")

    @property
    def when(self):
        return describe_when(self.start, self.end)

    @property
    def is_online(self):
        return self.where == self.Where.ONLINE

    def has_passed(self, now=None):
        return self.end <= (now or timezone.now())

    @property
    def takes_bookings(self):
        return self.capacity is not None

    @property
    def places_left(self):
        """Free places (None when no booking is needed); uses `places_taken`
        when the list annotated it (events/listing.py)."""
        if not self.takes_bookings:
            return None
        taken = getattr(self, "places_taken", None)
        if taken is None:
            session = self.booking_session
            taken = session.places_taken if session else 0
        return max(0, self.capacity - taken)

    @cached_property
    def booking_session(self):
        """The session people book, with `places_taken`; None when the
        event needs no booking or has not been published with a capacity."""
        if not self.takes_bookings:
            return None
        return Session.objects.with_places().filter(host_page_id=self.pk).first()

    @property
    def place_lines(self):
        """Where it is, as lines a resident reads (never the joining link)."""
        if self.where == self.Where.ACCESS_POINT and self.venue_id:
            return [self.venue.title, *self.venue.public_address]
        if self.where == self.Where.ADDRESS:
            return [self.address] if self.address else []
        return ["Online"]

    # What the booking pages and emails ask of the page people book through
    # (training/models/sessions.py).
    booking_noun = "event"

    @property
    def where_without_venue(self):
        return self.address if self.where == self.Where.ADDRESS else "Online"

    @property
    def booking_contact(self):
        return self.organiser if self.organiser_id else None

    @property
    def booking_consent_wording(self):
        who = (
            f"{self.organiser.title} and the partnership"
            if self.organiser_id
            else "the partnership"
        )
        return (
            f"I agree that {who} can keep these details to manage my place, and delete them "
            "after the event."
        )

    @property
    def booking_closed_reason(self):
        return "This event has been cancelled, so it cannot be booked." if self.cancelled else ""

    def details_for_booked(self, booking):
        """The joining link, for people with a place on an online event."""
        if self.is_online and self.joining_link and booking.status == booking.Status.CONFIRMED:
            return f"Join online: {self.joining_link}\n"
        return ""
