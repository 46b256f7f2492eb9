"""Put the partnership's permissions in place: the Coordinators group, the
"Listing approval" workflow on the directory, and an editors group for every
organisation that lacks one (pages made before these rules, or whose group
was deleted). Idempotent: seed_demo and deployments run it every time."""

from django.core.management.base import BaseCommand
from django.db import transaction

from directory.models import DirectoryIndexPage, OrganisationPage
from directory.permissions import (
    coordinators_group,
    listing_approval_workflow,
    setup_organisation,
)


class Command(BaseCommand):
    help = "Set up the Coordinators group, the listing approval workflow and partner groups."

    def handle(self, *args, **options):
        with transaction.atomic():
            coordinators_group()
            index = DirectoryIndexPage.objects.first()
            if index is None:
                self.stdout.write("No directory page yet: the workflow is set up once there is.")
            else:
                listing_approval_workflow(index)
            missing = list(OrganisationPage.objects.filter(editors_group__isnull=True))
            for organisation in missing:
                setup_organisation(organisation)
        self.stdout.write(
            self.style.SUCCESS(
                f"Partnership permissions are in place; {len(missing)} organisation"
                f"{'' if len(missing) == 1 else 's'} given an editors group."
            )
        )
