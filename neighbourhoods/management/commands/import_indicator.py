"""manage.py import_indicator FILE.csv: load one figure per area
(docs/exclusion-data.md)."""

from django.core.management.base import BaseCommand, CommandError

from neighbourhoods.import_rules import ImportFileError
from neighbourhoods.imports import apply_indicator
from neighbourhoods.indicator_file import read_indicator
from neighbourhoods.models import Area, AreaSet


def area_set_named(name):
    """The set named, or the only one there is."""
    if name:
        area_set = AreaSet.objects.filter(name=name).first()
        if area_set is None:
            raise CommandError(f"There is no set of areas called {name!r}: load it first.")
        return area_set
    sets = list(AreaSet.objects.all()[:2])
    if len(sets) != 1:
        raise CommandError(
            "Name the set of areas with --set." if sets else "Load the areas' boundaries first."
        )
    return sets[0]


class Command(BaseCommand):
    help = (
        "Load one indicator from a CSV of area codes and figures. All or nothing; "
        "safe to run again (the indicator's figures become the file's)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--set", default="", help="The set of areas (if more than one).")
        parser.add_argument("--name", required=True)
        parser.add_argument("--source", required=True)
        parser.add_argument("--licence", required=True)
        parser.add_argument("--year", required=True)
        parser.add_argument("--value-column", default="", help="The column of figures.")
        direction = parser.add_mutually_exclusive_group(required=True)
        direction.add_argument("--higher-is-worse", action="store_true")
        direction.add_argument("--higher-is-better", action="store_true")

    def handle(self, path, **options):
        area_set = area_set_named(options["set"])
        known = set(Area.objects.filter(area_set=area_set).values_list("code", flat=True))
        try:
            indicator_file = read_indicator(path, known, options["value_column"])
        except ImportFileError as error:
            raise CommandError(f"{error} Nothing was changed.") from None
        except OSError as error:
            raise CommandError(f"Could not read {path}: {error.strerror}.") from None
        indicator, plan = apply_indicator(
            area_set,
            indicator_file,
            name=options["name"],
            source=options["source"],
            licence=options["licence"],
            year=options["year"],
            higher_is_worse=options["higher_is_worse"],
        )
        self.stdout.write(f"{indicator} (column {indicator_file.value_column!r}): {plan.summary()}")
        for rejection in plan.rejections:
            self.stdout.write(f"  Rejected {rejection}")
