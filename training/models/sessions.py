"""A course's dated sessions, edited inline on the course page."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from directory.hours import format_time


def describe_when(start, end):
    """'Tuesday 1 December 2026, 10am to 12 noon' in the site's time zone
    (GOV.UK style); the end's date is given only when it is another day."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    text = f"{describe_date(start)}, {format_time(start.time())} to "
    if end.date() != start.date():
        text += f"{describe_date(end)}, "
    return text + format_time(end.time())


def describe_date(moment):
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


class SessionQuerySet(models.QuerySet):
    def with_places(self):
        """Annotate `places_taken`: confirmed bookings, one query for all."""
        return self.annotate(
            places_taken=models.Count("bookings", filter=models.Q(bookings__status="confirmed"))
        )

    def annotate_waiting(self):
        return self.annotate(
            waiting_count=models.Count("bookings", filter=models.Q(bookings__status="waiting"))
        )


class Session(Orderable):
    """One meeting of a course: when, where (an access point, or nowhere for
    an online or phone course) and how many people it takes.

    The booking engine (booking.py) books people onto sessions, so another
    kind of page that takes bookings (an event, events/) owns a session
    too: its `host_page`, instead of a course's `page`. Either way the page
    people book through is `booked_through`, which offers what the booking
    pages and emails ask of it: `title`, `live`, the routes `booking` and
    `cancel_booking`, `booking_noun`, `where_without_venue`,
    `booking_consent_wording`, `booking_contact`, `booking_closed_reason`
    and `details_for_booked(booking)`."""

    page = ParentalKey(
        "training.CoursePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    host_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The page other than a course that takes bookings for this session.",
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    venue = models.ForeignKey(
        "directory.AccessPointPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="course_sessions",
        help_text="Where it is held. Leave empty for an online or phone course.",
    )
    capacity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1)], help_text="How many people it takes."
    )
    note = models.CharField(
        max_length=120, blank=True, help_text="For example: in the upstairs meeting room."
    )

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("venue"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("note")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "session"
        indexes = [models.Index(fields=["start"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page__isnull=False) | models.Q(host_page__isnull=False),
                name="session_belongs_to_a_page",
            )
        ]

    def __str__(self):
        return describe_when(self.start, self.end)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "The session must end after it starts."})

    @property
    def booked_through(self):
        """The page people book this session on: its course, or its host."""
        return self.page if self.page_id else self.host_page.specific

    @property
    def where(self):
        """Where it is held, in words: the venue's name, else what the page
        says (online, by phone, an address)."""
        if self.venue_id:
            return self.venue.title
        return self.booked_through.where_without_venue

    @property
    def when(self):
        return describe_when(self.start, self.end)

    @property
    def is_online(self):
        return self.venue_id is None

    @property
    def places_left(self):
        """Free places; uses `places_taken` from `with_places()` when the
        session was loaded that way, else counts."""
        taken = getattr(self, "places_taken", None)
        if taken is None:
            taken = self.bookings.filter(status="confirmed").count()
        return max(0, self.capacity - taken)

    @property
    def has_started(self):
        return self.start <= timezone.now()


def sessions_booked_through(page):
    """The sessions people book on this page (a course's, or a host's)."""
    return Session.objects.filter(models.Q(page_id=page.pk) | models.Q(host_page_id=page.pk))
