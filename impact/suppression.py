"""What the public may see of a figure: small counts of people (1 to 4)
become "fewer than 5", so that nobody can be picked out of a small group.
Zero stays zero. Figures about places and courses are never hidden.

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


def hidden_rows(table):
    """Indexes of the rows the public may not see."""
    hidden = {index for index, row in enumerate(table.rows) if is_small(row)}
    if table.partition and len(hidden) == 1:
        others = [
            (row.value, index)
            for index, row in enumerate(table.rows)
            if index not in hidden and row.unit == COUNT and row.value
        ]
        if others:
            hidden.add(min(others)[1])
    return hidden


def shown(table, public=True):
    hidden = hidden_rows(table) if public else set()
    return ShownTable(
        table=table,
        rows=tuple(
            ShownRow(
                label=row.label,
                value=None if index in hidden else row.value,
                text=HIDDEN_TEXT if index in hidden else format_value(row.value, row.unit),
                hidden=index in hidden,
                charted=row.charted,
                unit=row.unit,
            )
            for index, row in enumerate(table.rows)
        ),
    )
