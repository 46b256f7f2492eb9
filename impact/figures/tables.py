"""What every figure is: a titled table of (label, value) rows, as the
queries count them, before anything is hidden for publication."""

import dataclasses
from decimal import Decimal

COUNT = "count"
HOURS = "hours"
DAYS = "days"


@dataclasses.dataclass(frozen=True)
class Row:
    """One line of a figure. `about_people` rows count residents,
    volunteers or learners: small numbers of them are suppressed on the
    public page. `basis` is how many people the value rests on when it is
    not itself a count of them (hours given, a median); `charted` leaves a
    row out of the chart when its unit differs from the others'."""

    label: str
    value: int | float | Decimal | None
    unit: str = COUNT
    about_people: bool = False
    basis: int | None = None
    charted: bool = True

    @property
    def people(self):
        """How many people the row rests on, for suppression."""
        if self.basis is not None:
            return self.basis
        return self.value if self.unit == COUNT else None


@dataclasses.dataclass(frozen=True)
class Table:
    """A figure: its rows and how to head them. `partition` says the rows
    add up to a total published elsewhere (each referral has exactly one
    outcome), so hiding one small row alone would not hide it."""

    slug: str
    title: str
    label_heading: str
    value_heading: str
    rows: tuple[Row, ...]
    description: str = ""
    partition: bool = False
    chart: bool = True

    def value_of(self, label):
        return next(row.value for row in self.rows if row.label == label)

    @property
    def total(self):
        return sum(row.value or 0 for row in self.rows if row.unit == COUNT)


def counted(slug, title, label_heading, value_heading, counts, about_people, **options):
    """A table from (label, count) pairs, every row about people or none."""
    return Table(
        slug=slug,
        title=title,
        label_heading=label_heading,
        value_heading=value_heading,
        rows=tuple(Row(label, value, about_people=about_people) for label, value in counts),
        **options,
    )
