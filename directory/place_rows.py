"""Keeping the search rows (directory/models/place_rows.py) in step with the
access-point pages: a page has a row exactly while it is live and public,
and the row holds what the page holds.

`refresh(pks)` works the rows of those pages out again from the pages
(`refresh()`: every page), and is called when anything a row holds can
change:

- a page is saved (publishing saves it; so does a change of services,
  once modelcluster has written them: AccessPointPage.save);
- a page is unpublished, moved (it or a section above it), or a privacy
  restriction on it or above it is added, changed or removed
  (directory/signals.py);
- the bench seeder writes pages without saving each one (directory/bench.py);
- postcode districts are loaded: a hidden address's row holds its
  district's centre, the point a search measures it from
  (directory/postcode_store.py);
- deleting a page deletes its row with it (the row's key is the page's).

`manage.py refresh_place_rows` works every row out again. The same code
fills the table in its migration, given the migration's models."""

from django.apps import apps as installed_apps
from django.db import transaction

from directory import distance

BATCH = 2000


def ids_text(ids):
    return "," + "".join(f"{pk}," for pk in sorted(ids))


def _models(apps):
    get = apps.get_model
    page_model = get("directory", "AccessPointPage")
    return (
        page_model,
        get("directory", "PlaceRow"),
        get("wagtailcore", "PageViewRestriction"),
        get("directory", "PostcodeDistrict"),
        page_model.services.through,
        page_model.accessibility.through,
    )


def refresh(pks=None, apps=installed_apps):
    """Work out again the rows of these pages (None: of every page)."""
    page_model, row_model, restriction_model, district_model, services, features = _models(apps)
    restricted = list(restriction_model.objects.values_list("page__path", flat=True))
    pages = page_model.objects.all() if pks is None else page_model.objects.filter(pk__in=pks)
    with transaction.atomic():
        stale = row_model.objects.all() if pks is None else row_model.objects.filter(pk__in=pks)
        stale.delete()
        rows = pages.filter(live=True).values_list(
            "pk",
            "path",
            "title",
            "latitude",
            "longitude",
            "hide_address",
            "postcode",
            "show_from",
            "show_until",
            "cost",
            "temporarily_closed",
        )
        batch = []
        for row in rows.iterator(chunk_size=BATCH):
            if not any(row[1].startswith(path) for path in restricted):
                batch.append(row)
            if len(batch) >= BATCH:
                _insert(batch, row_model, district_model, services, features)
                batch = []
        _insert(batch, row_model, district_model, services, features)


def _insert(batch, row_model, district_model, services, features):
    if not batch:
        return
    pks = [row[0] for row in batch]
    # A hidden address is measured from its postcode district's centre
    # (distance.measured_point): the row holds the point a search measures from.
    hidden = [row[6] for row in batch if row[5]]
    centres = {}
    if hidden:
        districts = {distance.district_of(postcode) for postcode in hidden}
        centres = {
            pk: (lat, lng)
            for pk, lat, lng in district_model.objects.filter(pk__in=districts).values_list(
                "pk", "latitude", "longitude"
            )
        }
    batch = [(*row[:3], *distance.measured_point(*row[3:7], centres), *row[5:]) for row in batch]
    linked = {}
    for through, field, name in (
        (services, "servicetype_id", "service_ids"),
        (features, "accessibilityfeature_id", "feature_ids"),
    ):
        for page_pk, other in through.objects.filter(accesspointpage_id__in=pks).values_list(
            "accesspointpage_id", field
        ):
            linked.setdefault((page_pk, name), set()).add(other)
    fields = (
        "page_id",
        "title",
        "latitude",
        "longitude",
        "hide_address",
        "postcode",
        "show_from",
        "show_until",
        "cost",
        "temporarily_closed",
    )
    # The migration that made the table has no sort_title yet.
    sorts = any(field.name == "sort_title" for field in row_model._meta.fields)
    row_model.objects.bulk_create(
        row_model(
            **dict(zip(fields, (row[0], *row[2:]), strict=True)),
            **({"sort_title": row[2].lower()} if sorts else {}),
            service_ids=ids_text(linked.get((row[0], "service_ids"), ())),
            feature_ids=ids_text(linked.get((row[0], "feature_ids"), ())),
        )
        for row in batch
    )


def refresh_hidden():
    """The rows of places whose address is hidden (their districts moved)."""
    _refresh_where(hide_address=True)


def refresh_below(page):
    """The rows of the pages at or below this page (a move, a restriction)."""
    _refresh_where(path__startswith=page.path)


def _refresh_where(**conditions):
    page_model = installed_apps.get_model("directory", "AccessPointPage")
    refresh(list(page_model.objects.filter(**conditions).values_list("pk", flat=True)))
