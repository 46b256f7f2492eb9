import pytest

from tests.factories.directory import (
    AccessPointPageFactory,
    DirectoryIndexPageFactory,
    OrganisationPageFactory,
)
from tests.factories.training import CoursePageFactory
from training.framework import ensure_skill_areas
from training.models import SkillArea
from website.models import HomePage


@pytest.fixture
def skill_areas(db):
    ensure_skill_areas(SkillArea)
    return {area.slug: area for area in SkillArea.objects.all()}


@pytest.fixture
def organisation(demo_site):
    index = DirectoryIndexPageFactory(parent=HomePage.objects.get())
    return OrganisationPageFactory(parent=index, title="Chorley Digital")


@pytest.fixture
def venue(organisation):
    return AccessPointPageFactory(parent=organisation, title="Chorley Library")


@pytest.fixture
def course(organisation):
    return CoursePageFactory(parent=organisation, title="Email for beginners")
