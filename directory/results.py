"""What a results page shows of each place: a `Result` per card, read with
only the fields a card draws."""

import dataclasses
from typing import ClassVar


def describe_distance(miles, approximate=False):
    """'3.4 miles'; rounded to whole miles where the exact address is hidden."""
    if miles is None:
        return ""
    if approximate:
        return f"about {max(1, round(miles))} miles"
    if miles < 0.1:
        return "less than 0.1 miles"
    return f"{miles:.1f} miles"


@dataclasses.dataclass
class Result:
    """One place as a results page shows it. Every source's results have a
    `kind`, a `page`, a `template` that draws them as a card and a
    `map_position` (None keeps them off the map)."""

    template: ClassVar[str] = "directory/includes/result.html"

    kind: str
    page: object
    distance_miles: float | None
    hours_today: str
    open_now: bool
    key_services: list
    # "Today", or the day the visitor filtered for (hours_today are then
    # that day's, and open_now is left out).
    hours_label: str = "Today"

    @property
    def distance_text(self):
        return describe_distance(self.distance_miles, approximate=self.page.hide_address)

    @property
    def map_position(self):
        """Only places whose exact address is public go on a map."""
        if self.page.hide_address or self.page.latitude is None:
            return None
        return (self.page.latitude, self.page.longitude)


# What a results card shows (templates/directory/includes/result.html), and
# what its link needs: reading only these makes each of the twenty pages on a
# results page cheaper to load. A field left out here costs a query per card,
# which the query-count tests catch.
CARD_FIELDS = (
    "title",
    "url_path",
    "depth",
    "path",
    "locale_id",
    "summary",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "area",
    "hide_address",
    "latitude",
    "longitude",
    "temporarily_closed",
    # An imported listing's credit line (docs/federation.md).
    "source_name",
    "source_url",
    "source_updated",
)


def services_shown(services, chosen, limit=4):
    """A card's first few services, those the visitor chose first, so a
    ticked service is never the one cut off."""
    ordered = sorted(services, key=lambda service: service.slug not in chosen)
    return ordered[:limit]
