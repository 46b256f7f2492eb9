import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ContentPageFactory


@pytest.mark.django_db
def test_search_finds_pages_by_their_body_text(client, home_page):
    ContentPageFactory(
        parent=home_page,
        title="Borrow a tablet",
        slug="borrow",
        body=[{"type": "paragraph", "value": "<p>Loans of refurbished tablets.</p>"}],
    )
    response = client.get("/search/", {"q": "refurbished"})
    assert response.status_code == 200
    titles = [page.title for page in response.context["results_page"]]
    assert titles == ["Borrow a tablet"]
    assert "1 result for ‘refurbished’" in response.content.decode()


@pytest.mark.django_db
def test_search_leaves_out_drafts(client, home_page):
    ContentPageFactory(parent=home_page, title="Unannounced zebra scheme", live=False)
    response = client.get("/search/", {"q": "zebra"})
    assert list(response.context["results_page"]) == []
    assert "0 results" in response.content.decode()


@pytest.mark.django_db
def test_empty_search_explains_what_to_do(client, demo_site):
    response = client.get("/search/", {"q": "  "})
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_q"' in html
    assert "Enter what you are looking for." in html
    assert "<title>Error: " in html


@pytest.mark.django_db
def test_over_long_search_is_refused_not_run(client, demo_site):
    response = client.get("/search/", {"q": "x" * 500})
    assert response.status_code == 200
    assert response.context["results_page"] is None
    assert "Search for 200 characters or fewer." in response.content.decode()


@pytest.mark.django_db
def test_search_form_alone_shows_no_error(client, demo_site):
    html = client.get("/search/").content.decode()
    assert "There is a problem" not in html


@pytest.mark.django_db
def test_results_of_one_title_say_whose_they_are(client, full_demo_site):
    """The demo has "Get started with a tablet" from several partners: each
    result says which partner (the page it sits under)."""
    from collections import Counter

    html = client.get("/search/", {"q": "tablet"}).content.decode()
    items = html.split('<ul class="app-news-list"')[1].split("</ul>")[0].split("<li>")[1:]
    titles = Counter(item.split('">', 2)[2].split("</a>")[0] for item in items)
    repeated = [title for title, count in titles.items() if count > 1]
    assert repeated, "the demo should have a repeated title to tell apart"
    for title in repeated:
        lines = [
            item.split('<p class="app-meta">')[1].split("</p>")[0]
            for item in items
            if f">{title}</a>" in item
        ]
        assert len(set(lines)) == len(lines), f"{title}: {lines}"


# Wagtail's PostgreSQL search backend's condition: (… "title" || … "body") @@ (to_tsquery('…'))
MATCH_CONDITION = re.compile(r"\(\S+\.\"title\" \|\| \S+\) @@ \(to_tsquery\('.*?'\)\)")


@pytest.mark.django_db
def test_site_search_reads_matches_from_an_index_not_every_entry(client, home_page):
    ContentPageFactory(parent=home_page, title="Quokka club for beginners", slug="quokka")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "quokka club"})
    assert [page.title for page in response.context["results_page"]] == [
        "Quokka club for beginners"
    ]
    matching = "@@" if connection.vendor == "postgresql" else " MATCH "
    (count_sql,) = [q["sql"] for q in queries if "COUNT(" in q["sql"] and matching in q["sql"]]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The condition Wagtail's backend matches entries by, alone: with
            # a handful of test rows PostgreSQL would read them all whatever
            # the indexes, so that is forbidden and the plan shows whether
            # an index fits the condition.
            condition = re.search(
                r"\(\S+\.\"title\" \|\| \S+\) @@ \(to_tsquery\('.*?'\)\)", count_sql
            )
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN SELECT 1 FROM wagtailsearch_indexentry WHERE {condition[0]}")  # noqa: S608
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert "Index Scan on website_search_title_body_gin" in plan, plan
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {count_sql}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "VIRTUAL TABLE INDEX" in plan, plan
