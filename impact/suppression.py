"""What the public may see of a figure: small counts of people (1 to 4)
become "fewer than 5", so that nobody can be picked out of a small group.
Zero stays zero. Figures about places and courses are never hidden.

The public may choose any run of whole quarters (periods.for_the_public),
so a figure could be worked out for one quarter by subtracting two periods
that differ by it (January to June less January to March). So a row is
also hidden ("not shown") in any period with a quarter in which that row
was small (`small_in_a_quarter`): every quarter of a period whose figure
is shown then counted none or at least 5, and no difference of shown
figures can come to a number between 1 and 4.

A value resting on a few people (hours given by three champions, a median
of two waits) is hidden with them. Where a table's rows add up to a total
shown elsewhere (`Table.partition`) and just one row is hidden, the next
smallest is hidden too, or subtracting the others from the total would
reveal it.

Logged-in coordinators see every figure as counted (`public=False`)."""

import dataclasses

from .figures import COUNT, DAYS, HOURS

SMALLEST_SHOWN = 5
HIDDEN_TEXT = f"fewer than {SMALLEST_SHOWN}"
NOT_SHOWN_TEXT = "not shown"


@dataclasses.dataclass(frozen=True)
class ShownRow:
    label: str
    value: object
    text: str
    hidden: bool
    charted: bool
    unit: str


@dataclasses.dataclass(frozen=True)
class ShownTable:
    table: object
    rows: tuple[ShownRow, ...]

    @property
    def slug(self):
        return self.table.slug

    @property
    def any_hidden(self):
        return any(row.hidden for row in self.rows)

    def text_of(self, label):
        return next(row.text for row in self.rows if row.label == label)


def format_value(value, unit):
    if value is None:
        return "none yet"
    if unit == HOURS:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit == DAYS:
        return f"{value:,.1f} days"
    return f"{value:,}"


def is_small(row):
    people = row.people
    return row.about_people and people is not None and 0 < people < SMALLEST_SHOWN


def small_in_a_quarter(quarter_reports):
    """(figure, row) of every row about people that was small in one of
    the quarter reports (figures.Report, one for each quarter of a period)."""
    return frozenset(
        (table.slug, row.label)
        for report in quarter_reports
        for table in report.tables.values()
        for row in table.rows
        if is_small(row)
    )


def hidden_rows(table, small_elsewhere=frozenset()):
    """Indexes of the rows the public may not see: small here, or small in
    a quarter of the period (`small_elsewhere`, from small_in_a_quarter)."""
    hidden = {
        index
        for index, row in enumerate(table.rows)
        if is_small(row) or (row.about_people and (table.slug, row.label) in small_elsewhere)
    }
    if table.partition and len(hidden) == 1:
        others = [
            (row.value, index)
            for index, row in enumerate(table.rows)
            if index not in hidden and row.unit == COUNT and row.value
        ]
        if others:
            hidden.add(min(others)[1])
    return hidden


def hidden_text(row):
    """ "fewer than 5" only when it is true of the period shown."""
    return HIDDEN_TEXT if is_small(row) else NOT_SHOWN_TEXT


def shown(table, public=True, small_elsewhere=frozenset()):
    hidden = hidden_rows(table, small_elsewhere) if public else set()
    return ShownTable(
        table=table,
        rows=tuple(
            ShownRow(
                label=row.label,
                value=None if index in hidden else row.value,
                text=hidden_text(row) if index in hidden else format_value(row.value, row.unit),
                hidden=index in hidden,
                charted=row.charted,
                unit=row.unit,
            )
            for index, row in enumerate(table.rows)
        ),
    )
