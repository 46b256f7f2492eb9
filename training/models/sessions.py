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
    an online or phone course) and how many people it takes."""

    page = ParentalKey("training.CoursePage", on_delete=models.CASCADE, related_name="sessions")
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

    def __str__(self):
        return describe_when(self.start, self.end)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "The session must end after it starts."})

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
