import pytest

from tests.factories.directory import (
    AccessPointPageFactory,
    DirectoryIndexPageFactory,
    OrganisationPageFactory,
)
from tests.factories.events import EventIndexPageFactory
from website.models import HomePage


@pytest.fixture
def organisation(demo_site):
    index = DirectoryIndexPageFactory(parent=HomePage.objects.get())
    return OrganisationPageFactory(parent=index, title="Chorley Digital")


@pytest.fixture
def venue(organisation):
    return AccessPointPageFactory(parent=organisation, title="Chorley Library")


@pytest.fixture
def events_index(demo_site):
    return EventIndexPageFactory(parent=HomePage.objects.get())
