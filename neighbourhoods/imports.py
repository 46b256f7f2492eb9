"""Writing what boundaries.py and indicator_file.py read: each import in one
transaction (all or nothing), and safe to run again (the same file twice
changes nothing the second time). `plan_*` says what an import would change
without changing it, for the admin's preview; `apply_*` does it.

The page cache is emptied once the transaction commits: the rows are
written in bulk, which sends no signals (website/page_cache.py)."""

import dataclasses

from django.db import transaction

from neighbourhoods.import_rules import Rejection
from neighbourhoods.models import Area, AreaSet, Indicator, IndicatorValue
from website import page_cache

BATCH = 2000
AREA_FIELDS = ("name", "geometry", "latitude", "longitude", "easting", "northing")


@dataclasses.dataclass
class Plan:
    """What an import changes: codes added and changed, how many stay as
    they were, how many are removed, and the rows rejected with why."""

    added: list[str]
    changed: list[str]
    unchanged: int
    rejections: list[Rejection]
    removed: int = 0

    @property
    def accepted(self):
        return len(self.added) + len(self.changed) + self.unchanged

    def summary(self):
        text = (
            f"{self.accepted:,} rows accepted ({len(self.added):,} new, "
            f"{len(self.changed):,} changed, {self.unchanged:,} unchanged), "
            f"{len(self.rejections):,} rejected"
        )
        if self.removed:
            text += f", {self.removed:,} earlier figures removed"
        return text + "."


def existing_areas(set_name):
    area_set = AreaSet.objects.filter(name=set_name).first()
    if area_set is None:
        return None, {}
    rows = Area.objects.filter(area_set=area_set).values_list("pk", "code", *AREA_FIELDS)
    return area_set, {row[1]: (row[0], row[2:]) for row in rows}


def area_values(record):
    return tuple(getattr(record, field) for field in AREA_FIELDS)


def plan_areas(set_name, boundary_file):
    _, existing = existing_areas(set_name)
    added, changed, unchanged = [], [], 0
    for record in boundary_file.records:
        old = existing.get(record.code)
        if old is None:
            added.append(record.code)
        elif old[1] != area_values(record):
            changed.append(record.code)
        else:
            unchanged += 1
    return Plan(added, changed, unchanged, boundary_file.rejections)


@transaction.atomic
def apply_areas(set_name, boundary_file, source="", licence="", attribution=""):
    """Adds and updates the set's areas; areas of the set that the file
    does not hold are left as they were. Returns (area set, plan)."""
    plan = plan_areas(set_name, boundary_file)
    area_set, existing = existing_areas(set_name)
    if area_set is None:
        area_set = AreaSet.objects.create(
            name=set_name, source=source, licence=licence, attribution=attribution
        )
    else:
        for field, value in (
            ("source", source),
            ("licence", licence),
            ("attribution", attribution),
        ):
            if value:
                setattr(area_set, field, value)
        area_set.save()
    changed = set(plan.changed)
    new_rows, changed_rows = [], []
    for record in boundary_file.records:
        fields = dict(zip(AREA_FIELDS, area_values(record), strict=True))
        if record.code not in existing:
            new_rows.append(Area(area_set=area_set, code=record.code, **fields))
        elif record.code in changed:
            changed_rows.append(Area(pk=existing[record.code][0], **fields))
    Area.objects.bulk_create(new_rows, batch_size=BATCH)
    Area.objects.bulk_update(changed_rows, AREA_FIELDS, batch_size=BATCH)
    transaction.on_commit(page_cache.content_changed)
    return area_set, plan


def plan_indicator(area_set, name, indicator_file):
    indicator = Indicator.objects.filter(area_set=area_set, name=name).first() if area_set else None
    old = {}
    if indicator is not None:
        old = dict(
            IndicatorValue.objects.filter(indicator=indicator).values_list("area__code", "value")
        )
    added, changed, unchanged = [], [], 0
    for code, value in indicator_file.values.items():
        if code not in old:
            added.append(code)
        elif old[code] != value:
            changed.append(code)
        else:
            unchanged += 1
    removed = len(set(old) - set(indicator_file.values) - rejected_codes(indicator_file))
    return Plan(added, changed, unchanged, indicator_file.rejections, removed=removed)


def rejected_codes(indicator_file):
    return {rejection.code for rejection in indicator_file.rejections if rejection.code}


@transaction.atomic
def apply_indicator(area_set, indicator_file, **details):
    """Creates or updates the set's indicator called details["name"]: its
    figures become the file's (figures for areas the file does not name
    are removed; a rejected row's area keeps its figure). Returns (indicator, plan)."""
    plan = plan_indicator(area_set, details["name"], indicator_file)
    indicator, _ = Indicator.objects.update_or_create(
        area_set=area_set, name=details["name"], defaults=details
    )
    ids = dict(Area.objects.filter(area_set=area_set).values_list("code", "pk"))
    # A rejected row's area keeps the figure it had: the file meant to
    # give it one, so it is not taken as removed.
    kept_codes = set(indicator_file.values) | rejected_codes(indicator_file)
    keep = {ids[code] for code in kept_codes if code in ids}
    stale = [
        pk
        for pk, area_id in IndicatorValue.objects.filter(indicator=indicator).values_list(
            "pk", "area_id"
        )
        if area_id not in keep
    ]
    for start in range(0, len(stale), BATCH):
        IndicatorValue.objects.filter(pk__in=stale[start : start + BATCH]).delete()
    IndicatorValue.objects.bulk_create(
        (
            IndicatorValue(indicator=indicator, area_id=ids[code], value=value)
            for code, value in indicator_file.values.items()
        ),
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["indicator", "area"],
        update_fields=["value"],
    )
    transaction.on_commit(page_cache.content_changed)
    return indicator, plan
