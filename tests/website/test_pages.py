"""Page-tree rules and rendering of every brand-site page type."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from tests.factories import (
    ContentPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from website.models import ContentPage, HomePage, NewsIndexPage, NewsPage


class PageTreeRules(WagtailPageTestCase):
    def test_home_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_holds_content_news_the_directory_events_and_the_impact_page(self):
        from directory.models import DirectoryIndexPage
        from events.models import EventIndexPage
        from impact.models import ImpactPage

        self.assertAllowedSubpageTypes(
            HomePage, {ContentPage, NewsIndexPage, DirectoryIndexPage, EventIndexPage, ImpactPage}
        )

    def test_content_pages_nest(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_news_lives_only_in_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})

    def test_only_one_news_index_per_home(self):
        home = HomePageFactory(parent=Page.get_first_root_node())
        self.assertTrue(NewsIndexPage.can_create_at(home))
        NewsIndexPageFactory(parent=home)
        self.assertFalse(NewsIndexPage.can_create_at(home))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, expected",
    [
        ("/", "Everyone in Chorley and South Ribble can get online"),
        ("/about/", "About the partnership"),
        ("/get-involved/set-up-a-network/", "Set up a digital inclusion network"),
        ("/accessibility-statement/", "Accessibility statement"),
        ("/privacy-notice/", "Privacy notice"),
        ("/news/", "News and events"),
        ("/news/free-data-sims-now-at-every-library/", "Free data SIMs now at every library"),
    ],
)
def test_every_page_type_renders_with_brand(client, demo_site, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert "Get Online Chorley and South Ribble" in html
    assert 'lang="en-GB"' in html
    assert 'href="#main-content"' in html


@pytest.mark.django_db
def test_home_page_shows_three_actions_and_newest_news_first(client, demo_site):
    response = client.get("/")
    html = response.content.decode()
    for action in ("Find help near you", "Refer someone", "Become a digital champion"):
        assert action in html
    latest = response.context["latest_news"]
    assert len(latest) == 3
    assert [item.date for item in latest] == sorted((item.date for item in latest), reverse=True)


@pytest.mark.django_db
def test_unpublished_news_is_not_listed(client, home_page):
    index = NewsIndexPage.objects.get()
    draft = NewsPageFactory(parent=index, title="Secret draft story", live=False)
    assert draft.live is False
    assert "Secret draft story" not in client.get("/news/").content.decode()
    assert "Secret draft story" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_news_index_paginates(client, home_page):
    index = NewsIndexPage.objects.get()
    for number in range(12):
        NewsPageFactory(parent=index, title=f"Bulk story {number}")
    first = client.get("/news/")
    second = client.get("/news/?page=2")
    assert len(first.context["news_page"].object_list) == 10
    assert second.context["news_page"].number == 2
    assert 'rel="next"' in first.content.decode()


@pytest.mark.django_db
def test_content_page_lists_its_children(client, demo_site):
    html = client.get("/get-involved/").content.decode()
    assert "In this section" in html
    assert "Set up a digital inclusion network" in html


@pytest.mark.django_db
def test_every_content_block_renders(client, demo_site):
    html = client.get("/get-help/").content.decode()
    assert "govuk-warning-text" in html
    assert 'data-module="govuk-accordion"' in html
    assert "govuk-inset-text" in html
    assert "Not sure where to start?" in html


@pytest.mark.django_db
def test_image_block_renders_its_alt_text(client, home_page):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Library", file=get_test_image_file())
    page = ContentPageFactory(
        parent=home_page,
        slug="with-image",
        body=[
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "A volunteer at a laptop", "caption": ""},
            }
        ],
    )
    html = client.get(page.url).content.decode()
    assert 'alt="A volunteer at a laptop"' in html


@pytest.mark.django_db
def test_event_without_start_is_refused(home_page):
    from django.core.exceptions import ValidationError

    index = NewsIndexPage.objects.get()
    event = NewsPage(title="Drop-in", kind=NewsPage.Kind.EVENT, intro="x", slug="drop-in")
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=event)
    assert "event_start" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, title",
    [
        ("/", "Get Online Chorley and South Ribble"),
        ("/about/", "About the partnership – Get Online Chorley and South Ribble"),
        ("/no-such-page/", "Page not found – Get Online Chorley and South Ribble"),
        ("/search/?q=wifi", "Search: wifi – Get Online Chorley and South Ribble"),
    ],
)
def test_each_page_has_a_distinct_title_naming_the_partnership(client, demo_site, path, title):
    assert f"<title>{title}</title>" in client.get(path).content.decode()


@pytest.mark.django_db
def test_editors_make_news_pages_only_events_are_event_pages(client, home_page):
    # Events have their own page type (events/); a news page no longer
    # offers the old "event" kind or its fields.
    from directory.permissions import coordinators_group
    from tests.referrals.conftest import make_user

    client.force_login(make_user("coordinator", coordinators_group()))
    index = NewsIndexPage.objects.get()
    response = client.get(f"/admin/pages/add/website/newspage/{index.pk}/")
    assert response.status_code == 200
    form = response.content.decode()
    assert 'name="intro"' in form
    for field in ("kind", "event_start", "event_end", "event_location"):
        assert f'name="{field}"' not in form
