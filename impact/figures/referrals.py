"""Referrals in the period: how many were received, what stopped residents
getting online, who referred them, how long until a partner first made
contact, and the outcomes of referrals closed in the period.

Barriers are stored as a list on each referral (see referrals/models.py),
which SQLite and PostgreSQL cannot unroll alike; so one query reads the
few columns needed for every referral received in the period, and they are
counted here. That is one query whatever the number of referrals."""

import statistics

from django.db.models import Count

from referrals import choices
from referrals.models import Referral

from .tables import DAYS, Row, Table, counted

SELF_REFERRAL = "Referred themselves"
NOT_GIVEN = "Not given"
NOT_RECORDED = "Not recorded"
SECONDS_PER_DAY = 24 * 60 * 60


def received_rows(period):
    start, after = period.moments()
    return list(
        Referral.objects.filter(created_at__gte=start, created_at__lt=after).values_list(
            "mode", "referrer_kind", "barriers", "created_at", "contacted_at"
        )
    )


def days_to_contact(rows):
    return [
        (contacted - created).total_seconds() / SECONDS_PER_DAY
        for _mode, _kind, _barriers, created, contacted in rows
        if contacted is not None and contacted >= created
    ]


def summary_table(rows):
    waits = days_to_contact(rows)
    median = round(statistics.median(waits), 1) if waits else None
    return Table(
        slug="referrals",
        title="Referrals",
        label_heading="Figure",
        value_heading="Number",
        rows=(
            Row("Referrals received", len(rows), about_people=True),
            Row("Contacted by a partner", len(waits), about_people=True),
            Row(
                "Median days to first contact",
                median,
                unit=DAYS,
                about_people=True,
                basis=len(waits),
                charted=False,
            ),
        ),
        description=(
            "Days to first contact run from when a referral was received to when its "
            "partner first recorded contacting the resident, for referrals received in the "
            "period and contacted since."
        ),
        chart=False,
    )


def by_barrier(rows):
    counts = dict.fromkeys((value for value, _label in choices.BARRIERS), 0)
    for _mode, _kind, barriers, _created, _contacted in rows:
        for barrier in set(barriers or ()):
            if barrier in counts:
                counts[barrier] += 1
    labels = dict(choices.BARRIERS)
    return counted(
        "referrals-by-barrier",
        "Referrals by what stops people getting online",
        "Barrier",
        "Referrals",
        [(labels[value], count) for value, count in counts.items()],
        about_people=True,
        description="A referral can give several barriers, so these add up to more than "
        "the referrals received.",
    )


def by_referrer(rows):
    labels = dict(choices.REFERRER_KINDS)
    counts = dict.fromkeys([*labels.values(), SELF_REFERRAL, NOT_GIVEN], 0)
    for mode, kind, _barriers, _created, _contacted in rows:
        if mode == Referral.Mode.SELF:
            counts[SELF_REFERRAL] += 1
        else:
            counts[labels.get(kind, NOT_GIVEN)] += 1
    return counted(
        "referrals-by-referrer",
        "Referrals by who referred them",
        "Referred by",
        "Referrals",
        list(counts.items()),
        about_people=True,
        partition=True,
    )


def outcomes(period):
    start, after = period.moments()
    found = dict(
        Referral.objects.filter(closed_at__gte=start, closed_at__lt=after)
        .order_by()
        .values("outcome")
        .annotate(count=Count("pk"))
        .values_list("outcome", "count")
    )
    counts = [(label, found.get(value, 0)) for value, label in Referral.Outcome.choices if value]
    counts.append((NOT_RECORDED, found.get("", 0)))
    return counted(
        "referral-outcomes",
        "Outcomes of referrals closed in the period",
        "Outcome",
        "Referrals",
        counts,
        about_people=True,
        partition=True,
    )


def tables(period):
    rows = received_rows(period)
    return [summary_table(rows), by_barrier(rows), by_referrer(rows), outcomes(period)]
