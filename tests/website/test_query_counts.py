"""SQL queries per page render: bounded, and not growing with list length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import NewsPageFactory
from website.models import NewsIndexPage

MAX_QUERIES_PER_PAGE = 15


def count_queries(client, path):
    client.get(path)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code in (200, 404)
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/about/",
        "/get-help/",
        "/news/",
        "/news/free-data-sims-now-at-every-library/",
        "/search/?q=help",
    ],
)
def test_page_renders_in_a_bounded_number_of_queries(client, demo_site, path):
    assert count_queries(client, path) <= MAX_QUERIES_PER_PAGE


@pytest.mark.django_db
def test_news_list_queries_do_not_grow_with_the_number_of_stories(client, demo_site):
    index = NewsIndexPage.objects.get()
    before = count_queries(client, "/news/")
    for number in range(8):
        NewsPageFactory(parent=index, title=f"Another story {number}")
    assert count_queries(client, "/news/") == before
    assert count_queries(client, "/") <= MAX_QUERIES_PER_PAGE
