"""The page-weight budget: a content page's HTML, CSS and JavaScript come to
at most 100 KB transferred gzip-compressed (images aside)."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings

BUILD = Path(__file__).resolve().parents[2] / "static" / "build"
BUDGET_BYTES = 100 * 1024


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/get-help/", "/news/"])
def test_page_with_its_assets_fits_the_budget(client, demo_site, path):
    html = client.get(path).content
    total = len(gzip.compress(html))
    # The collected files, as production names and serves them.
    local_assets = re.findall(rb'(?:href|src)="/static/([^"?]+\.(?:css|js))"', html)
    names = {re.sub(rb"\.[0-9a-f]{12}\.", b".", asset) for asset in local_assets}
    assert {b"css/main.css", b"js/app.js"} <= names
    # app.js imports GOV.UK Frontend's module.
    for asset in [*(a.decode() for a in local_assets), "js/govuk-frontend.min.js"]:
        total += len(gzip.compress((Path(settings.STATIC_ROOT) / asset).read_bytes()))
    total += len(gzip.compress(client.get("/brand.css").content))
    assert total <= BUDGET_BYTES, f"{path}: {total / 1024:.1f} KB"


def test_no_font_or_crown_is_shipped():
    css = (BUILD / "css" / "main.css").read_text()
    assert "@font-face" not in css
    assert "GDS Transport" not in css
    assert "govuk-crest" not in css
    assert "url(" not in css
