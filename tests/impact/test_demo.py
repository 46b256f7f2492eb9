"""The demo's impact page: at /impact/, linked from the footer, with a
meaningful figure in every section for this year and last year."""

from io import StringIO

import pytest
from django.core.management import call_command

from impact import periods
from impact.figures import report_for
from impact.models import ImpactPage

pytestmark = pytest.mark.django_db


def test_the_demo_shows_a_meaningful_dashboard_once(full_demo_site, client):
    page = ImpactPage.objects.get()
    assert page.url == "/impact/" and page.live
    assert 'href="/impact/"' in client.get("/").content.decode()  # in the footer
    for key in (periods.THIS_YEAR, periods.LAST_12_MONTHS):
        tables = report_for(periods.named(key)).tables
        assert tables["access-points-by-area"].total >= 50
        learning = {row.label: row.value for row in tables["learning"].rows}
        assert learning["Learning opportunities (session places)"] > 500
        assert learning["Attendances"] >= 5 and learning["Completions"] >= 5
        champions = {row.label: row.value for row in tables["champions"].rows}
        assert champions["Active (helped residents)"] >= 5 and champions["Hours given"] > 0
        assert champions["Trained"] >= 5
        assert tables["referrals"].rows[0].value >= 20
        assert sum(1 for row in tables["referrals-by-referrer"].rows if row.value >= 5) >= 3
        assert sum(row.value for row in tables["referral-outcomes"].rows) >= 10
    html = client.get("/impact/").content.decode()
    assert "What the figures show" in html

    revisions = page.revisions.count()
    call_command("seed_demo", stdout=StringIO())
    assert ImpactPage.objects.count() == 1
    assert ImpactPage.objects.get().revisions.count() == revisions
    footer = client.get("/").content.decode()
    assert footer.count('href="/impact/"') == 1
