"""Digital champions in the period: how many signed up, were trained and
helped residents, and the hours they gave. Status changes and activity are
kept when a champion's personal details are erased, so erased champions
still count."""

from django.db.models import Count, Sum

from champions.models import Activity, Champion, Status, StatusChange

from .tables import HOURS, Row, Table


def champions_table(period):
    start, after = period.moments()
    signed_up = Champion.objects.filter(created_at__gte=start, created_at__lt=after).count()
    trained = StatusChange.objects.filter(
        to_status=Status.TRAINED, changed_at__gte=start, changed_at__lt=after
    ).aggregate(count=Count("champion", distinct=True))["count"]
    activity = Activity.objects.filter(date__gte=period.start, date__lte=period.end).aggregate(
        active=Count("champion", distinct=True), hours=Sum("hours"), helped=Sum("people_helped")
    )
    active = activity["active"]
    return Table(
        slug="champions",
        title="Digital champions",
        label_heading="Figure",
        value_heading="Number",
        rows=(
            Row("Signed up", signed_up, about_people=True),
            Row("Trained", trained, about_people=True),
            Row("Active (helped residents)", active, about_people=True),
            Row("Residents helped", activity["helped"] or 0, about_people=True, charted=False),
            Row(
                "Hours given",
                activity["hours"] or 0,
                unit=HOURS,
                about_people=True,
                basis=active,
                charted=False,
            ),
        ),
        description=(
            "Trained: moved to trained during the period. Active: logged at least one "
            "spell of helping during it. Residents helped counts each spell's people, so "
            "someone helped twice counts twice."
        ),
    )


def tables(period):
    return [champions_table(period)]
