"""Courses: learning that a partner runs, as a page under its organisation
so that the partner's editors group and the listing approval workflow cover
it like the partner's access points."""

from django import forms
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from directory.models.imported import ImportedFromFeed
from training.forms import CoursePageForm
from website.page_extras import extra_context
from website.page_routes import page_routes


class CoursePage(RoutablePageMixin, ImportedFromFeed, Page):
    """A course with dated sessions. Structured fields only: residents and
    staff compare courses by level, format, cost and skill area, and later
    issues search and book by them."""

    class Level(models.TextChoices):
        FIRST_STEPS = "first_steps", "First steps"
        BEGINNER = "beginner", "Beginner"
        INTERMEDIATE = "intermediate", "Intermediate"
        ADVANCED = "advanced", "Advanced"

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person at an access point"
        ONLINE = "online", "Online"
        PHONE = "phone", "By phone"

    class Cost(models.TextChoices):
        FREE = "free", "Free"
        LOW_COST = "low_cost", "Low cost"

    summary = models.CharField(max_length=250, help_text="One sentence: what people will learn.")
    description = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    skill_areas = ParentalManyToManyField(
        "training.SkillArea",
        blank=True,
        related_name="+",
        help_text="Essential Digital Skills framework areas the course covers.",
    )
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.BEGINNER)
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    audience = models.CharField(
        "who it is for",
        max_length=250,
        blank=True,
        help_text="For example: people who have never used a computer.",
    )
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_note = models.CharField(
        max_length=120, blank=True, help_text="For example: £2 a session, free on benefits."
    )
    what_to_bring = models.CharField(
        max_length=250, blank=True, help_text="For example: your phone and its charger."
    )
    accessibility = ParentalManyToManyField(
        "directory.AccessibilityFeature", blank=True, related_name="+"
    )
    languages = ParentalManyToManyField("directory.Language", blank=True, related_name="+")
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    is_champion_training = models.BooleanField(
        "champion training",
        default=False,
        help_text="Training for digital champions (volunteers who help others).",
    )

    base_form_class = CoursePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("skill_areas", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("level"), FieldPanel("format")]),
                FieldPanel("audience"),
                FieldPanel("what_to_bring"),
                FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_note")]),
                FieldPanel("is_champion_training"),
            ],
            heading="About the course",
        ),
        InlinePanel("sessions", heading="Sessions", label="Session"),
        FieldPanel("accessibility", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading="Contact"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("level"),
        index.FilterField("format"),
    ]

    parent_page_types = ["directory.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = "course"

    def get_template(self, request, *args, **kwargs):
        return "training/course_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            organisation=self.get_parent().specific,
            skill_areas=list(self.skill_areas.all()),
            accessibility=list(self.accessibility.all()),
            languages=[language.name for language in self.languages.all()],
            sessions=self.upcoming_sessions,
            calendar_url=self.calendar_url,
        )
        # What apps above add (learning at home's resources).
        context.update(extra_context(request, self))
        return context

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return page_routes("training").course_calendar(request, self)

    @path("sessions/<int:pk>/calendar/", name="session_calendar")
    def session_calendar(self, request, pk):
        return page_routes("training").session_calendar(request, self, pk)

    @path("sessions/<int:pk>/book/", name="book_session")
    def book_session(self, request, pk):
        return page_routes("training").book_session(request, self, pk)

    @path("bookings/<str:token>/", name="booking")
    def booking(self, request, token):
        return page_routes("training").booking_detail(request, self, token)

    @path("bookings/<str:token>/cancel/", name="cancel_booking")
    def cancel_booking(self, request, token):
        return page_routes("training").cancel_booking(request, self, token)

    def get_cached_paths(self):
        """What a CDN may keep under the page's address (Wagtail's
        frontend_cache): the page, its calendar feed and each upcoming
        session's."""
        sessions = self.sessions.filter(start__gte=timezone.now()).values_list("pk", flat=True)
        return [
            "/",
            "/" + self.reverse_subpage("calendar"),
            *("/" + self.reverse_subpage("session_calendar", kwargs={"pk": pk}) for pk in sessions),
        ]

    def pages_showing_this(self):
        """Pages other than its ancestors that show what it says: the places
        its sessions are held at list it. A CDN is told to forget them when
        it changes (website/cdn_purge.py)."""
        from directory.models import AccessPointPage

        return AccessPointPage.objects.live().filter(course_sessions__page=self).distinct()

    @property
    def calendar_url(self):
        return self.url + self.reverse_subpage("calendar")

    def session_calendar_url(self, session):
        return self.url + self.reverse_subpage("session_calendar", kwargs={"pk": session.pk})

    @cached_property
    def upcoming_sessions(self):
        """Sessions that have not started yet, soonest first, with their
        venues (one query however many there are)."""
        sessions = list(
            self.sessions.filter(start__gte=timezone.now())
            .with_places()
            .select_related("venue", "venue__area")
            .order_by("start")
        )
        for session in sessions:
            session.calendar_url = self.session_calendar_url(session)
            session.book_url = self.url + self.reverse_subpage(
                "book_session", kwargs={"pk": session.pk}
            )
        return sessions

    # What the booking pages and emails ask of the page people book through
    # (see Session).
    booking_noun = "course"

    @property
    def where_without_venue(self):
        return self.get_format_display()

    @cached_property
    def booking_contact(self):
        """Who runs it: the organisation, for people with questions."""
        return self.get_parent().specific

    @property
    def booking_consent_wording(self):
        return (
            f"I agree that {self.booking_contact.title} and the partnership can keep these "
            "details to manage my place, and delete them after the course."
        )

    @property
    def booking_closed_reason(self):
        """A partner's live course always takes bookings; an imported one is
        booked with its provider (we hold no places on it)."""
        if self.is_imported:
            return f"Book this {self.booking_noun} with {self.source_name}: {self.source_url}"
        return ""

    def details_for_booked(self, booking):
        """What only people with a place are told: nothing, for a course."""
        return ""

    @property
    def cost_text(self):
        text = self.get_cost_display()
        return f"{text}: {self.cost_note}" if self.cost_note else text


def courses_at(venue):
    """Live courses with an upcoming session at this access point, soonest
    first, each with `next_session` (its next start there)."""
    now = timezone.now()
    here = Q(sessions__venue=venue, sessions__start__gte=now)
    return list(
        CoursePage.objects.live()
        .public()
        .filter(here)
        .annotate(next_session=Min("sessions__start", filter=here))
        .order_by("next_session", "title")
    )


def courses_naming(venue):
    """Live courses with any session at this access point: their pages name
    it, so a CDN forgets them when it changes (directory/listing_extras.py)."""
    return CoursePage.objects.live().filter(sessions__venue=venue).distinct()
