"""manage.py import_areas BOUNDARIES.geojson: load neighbourhood boundaries
(docs/exclusion-data.md)."""

from django.core.management.base import BaseCommand, CommandError

from neighbourhoods import reach
from neighbourhoods.boundaries import read_boundaries
from neighbourhoods.import_rules import ImportFileError
from neighbourhoods.imports import apply_areas


class Command(BaseCommand):
    help = (
        "Load area boundaries from a GeoJSON file as the ONS Open Geography Portal gives "
        "them (WGS84 or British National Grid). All or nothing; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--set", default="LSOA 2021", help="Name of the set of areas.")
        parser.add_argument("--code-field", default="", help="Property holding the area code.")
        parser.add_argument("--name-field", default="", help="Property holding the area name.")
        parser.add_argument("--source", default="")
        parser.add_argument("--licence", default="")
        parser.add_argument("--attribution", default="")
        parser.add_argument(
            "--no-reach", action="store_true", help="Do not work out the reach afterwards."
        )

    def handle(self, path, **options):
        try:
            boundary_file = read_boundaries(path, options["code_field"], options["name_field"])
        except ImportFileError as error:
            raise CommandError(f"{error} Nothing was changed.") from None
        except OSError as error:
            raise CommandError(f"Could not read {path}: {error.strerror}.") from None
        area_set, plan = apply_areas(
            options["set"],
            boundary_file,
            source=options["source"],
            licence=options["licence"],
            attribution=options["attribution"],
        )
        self.stdout.write(f"{area_set.name}: {plan.summary()}")
        for rejection in plan.rejections:
            self.stdout.write(f"  Rejected {rejection}")
        if not options["no_reach"]:
            reach.refresh(area_set)
            self.stdout.write("Reach worked out for every area of the set.")
