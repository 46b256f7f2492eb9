import pytest

from directory.models import DirectoryIndexPage, Postcode, PostcodeDistrict
from learning.demo_content import STATEMENTS
from tests.factories.directory import AccessPointPageFactory, OrganisationPageFactory
from tests.factories.learning import SkillStatementFactory
from tests.factories.training import CoursePageFactory, SessionFactory, upcoming
from training.framework import ensure_skill_areas
from training.models import SkillArea
from website.models import HomePage

# Real postcode centroids (OS Code-Point Open), in Chorley and Preston.
CHORLEY = ("PR7 1AB", 53.6527, -2.6325)
PRESTON = ("PR1 1AA", 53.7590, -2.7000)


@pytest.fixture
def skill_areas(demo_site):
    ensure_skill_areas(SkillArea)
    return {area.slug: area for area in SkillArea.objects.all()}


@pytest.fixture
def statements(skill_areas):
    """The demo's statements: three for each of the six areas."""
    made = {}
    for slug, texts in STATEMENTS.items():
        made[slug] = [
            SkillStatementFactory(area=skill_areas[slug], text=text, sort_order=order)
            for order, text in enumerate(texts)
        ]
    return made


@pytest.fixture
def directory(demo_site):
    index = DirectoryIndexPage(title="Find help near you", slug="find-help")
    HomePage.objects.get().add_child(instance=index)
    for postcode, lat, lng in (CHORLEY, PRESTON):
        Postcode.objects.update_or_create(
            postcode=postcode,
            defaults={"district": postcode.split()[0], "latitude": lat, "longitude": lng},
        )
    PostcodeDistrict.objects.update_or_create(
        district="PR7", defaults={"latitude": 53.64, "longitude": -2.64}
    )
    return index


@pytest.fixture
def places(directory):
    """A library in Chorley and a hub in Preston, run by one partner."""
    organisation = OrganisationPageFactory(parent=directory, title="Chorley Digital")
    chorley = AccessPointPageFactory(
        parent=organisation, title="Chorley Library", latitude=53.6530, longitude=-2.6320
    )
    preston = AccessPointPageFactory(
        parent=organisation,
        title="Preston Hub",
        postcode="PR1 1AA",
        town="Preston",
        latitude=53.7590,
        longitude=-2.7000,
    )
    return organisation, chorley, preston


@pytest.fixture
def transacting_courses(places, skill_areas):
    """Two first-steps courses on transacting: the sooner one in Preston,
    the later one in Chorley; and an advanced one in Chorley."""
    organisation, chorley, preston = places
    made = {}
    for title, level, venue, days in (
        ("Paying safely online in Preston", "first_steps", preston, 3),
        ("Paying safely online in Chorley", "first_steps", chorley, 10),
        ("Advanced online banking", "advanced", chorley, 5),
    ):
        course = CoursePageFactory(parent=organisation, title=title, level=level)
        course.skill_areas.set([skill_areas["transacting"]])
        course.save_revision().publish()
        SessionFactory(page=course, venue=venue, start=upcoming(days=days))
        made[title] = course
    return made
