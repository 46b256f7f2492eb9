"""Courses and learning opportunities in the period, against the annual
target, and what came of them: places booked, attendances, completions.

A learning opportunity is one place on one session: a session that takes
ten people is ten opportunities. Sessions count in the period they start
in, booked or not; attendances and completions are the bookings on those
sessions that the provider's register marks so."""

from django.db.models import Count, Q, Sum

from training.models import Booking, CoursePage, Session

from .tables import Row, Table

DEFAULT_ANNUAL_TARGET = 2000


def target_for(period, annual_target):
    """The annual target, pro-rated to the period's length (the whole
    target for a calendar year or the last 12 months)."""
    return round(annual_target * period.share_of_a_year())


def learning_table(period, annual_target):
    start, after = period.moments()
    sessions = Session.objects.filter(
        page_id__in=CoursePage.objects.live().public().values("pk"),
        start__gte=start,
        start__lt=after,
    )
    offered = sessions.aggregate(
        courses=Count("page", distinct=True), sessions=Count("pk"), places=Sum("capacity")
    )
    taken = Booking.objects.filter(session_id__in=sessions.values("pk")).aggregate(
        booked=Count("pk", filter=Q(status=Booking.Status.CONFIRMED)),
        attended=Count("pk", filter=Q(attended=True)),
        completed=Count("pk", filter=Q(completed=True)),
    )
    return Table(
        slug="learning",
        title="Courses and learning opportunities",
        label_heading="Figure",
        value_heading="Number",
        rows=(
            Row("Courses running", offered["courses"], charted=False),
            Row("Sessions", offered["sessions"], charted=False),
            Row("Learning opportunities (session places)", offered["places"] or 0),
            Row("Target for the period", target_for(period, annual_target)),
            Row("Places booked", taken["booked"], about_people=True),
            Row("Attendances", taken["attended"], about_people=True),
            Row("Completions", taken["completed"], about_people=True),
        ),
        description=(
            "A learning opportunity is one place on one session, counted in the period the "
            "session starts in (sessions already planned for later in the period count too). "
            f"The target is {annual_target:,} a year, in proportion for a shorter or longer "
            "period."
        ),
    )


def tables(period, annual_target=DEFAULT_ANNUAL_TARGET):
    return [learning_table(period, annual_target)]
