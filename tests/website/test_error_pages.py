import re

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from website.forms import SearchForm


@pytest.mark.django_db
def test_missing_page_gets_the_branded_404(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "Get Online Chorley and South Ribble" in html
    assert 'href="/search/"' in html


def test_500_page_renders_without_the_database():
    """No `db` mark: pytest-django makes any query here raise, so this proves
    the page needs no database (which may be the thing that is down)."""
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    # The stylesheet by its hashed name, as production serves it.
    assert re.search(r"/static/css/main\.[0-9a-f]{12}\.css", html)


@pytest.mark.django_db
def test_an_exception_in_a_view_shows_the_500_page(client, demo_site, monkeypatch):
    def explode(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(SearchForm, "is_valid", explode)
    client.raise_request_exception = False
    response = client.get("/search/?q=wifi")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
