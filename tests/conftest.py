from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from website.models import HomePage


@pytest.fixture
def demo_site(db):
    """The demo site as `make run` builds it: home, content, news, settings."""
    call_command("seed_demo", stdout=StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(demo_site):
    return HomePage.objects.get()
