"""Bar charts as SVG drawn on the server: the geometry is worked out here,
the template only writes it out. Each chart is an image with a title and a
description (role="img"), and the page shows the same figures in a data
table beside it, so nothing depends on seeing the chart or on JavaScript.

Each bar has its label above it and its value at its end. Hidden values
(see suppression.py) have no bar, only their text."""

import dataclasses

WIDTH = 480
VALUE_SPACE = 110  # room at the right for the longest value text
MAX_LABEL = 52  # characters that fit above a bar; the table has the rest
LABEL_HEIGHT = 22
BAR_HEIGHT = 20
ROW_GAP = 14
MIN_BAR = 2  # a value above zero always shows


def short_label(label):
    if len(label) <= MAX_LABEL:
        return label
    return label[: MAX_LABEL - 1].rstrip(" ,(") + "…"


@dataclasses.dataclass(frozen=True)
class Bar:
    label: str
    text: str
    label_y: int
    bar_y: int
    bar_width: float
    text_x: float
    text_y: int
    hidden: bool


@dataclasses.dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    width: int
    height: int
    bar_height: int
    bars: tuple[Bar, ...]


def bar_chart(shown_table, chart_id):
    """The chart of a table's charted rows, or None when it has none."""
    rows = [row for row in shown_table.rows if row.charted]
    if not rows:
        return None
    largest = max((row.value for row in rows if row.value), default=0)
    scale = (WIDTH - VALUE_SPACE) / largest if largest else 0
    bars = []
    step = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    for number, row in enumerate(rows):
        top = number * step
        width = 0 if row.hidden or not row.value else max(MIN_BAR, float(row.value) * scale)
        bars.append(
            Bar(
                label=short_label(row.label),
                text=row.text,
                label_y=top + LABEL_HEIGHT - 6,
                bar_y=top + LABEL_HEIGHT,
                bar_width=round(width, 1),
                text_x=round(width + 6, 1),
                text_y=top + LABEL_HEIGHT + BAR_HEIGHT - 5,
                hidden=row.hidden,
            )
        )
    table = shown_table.table
    return Chart(
        id=chart_id,
        title=f"Bar chart: {table.title.lower()}",
        description="; ".join(f"{row.label}: {row.text}" for row in rows) + ".",
        width=WIDTH,
        height=len(rows) * step,
        bar_height=BAR_HEIGHT,
        bars=tuple(bars),
    )
