"""A small directory to ask the API about: the demo's lists, known
postcodes (tests/directory/conftest.py), skill areas and the default
routing rules; `api` asks and checks what every answer shares."""

import pytest

from referrals.rules import install_default_rules
from tests.directory.conftest import *  # noqa: F403 (its directory fixtures)
from training.framework import ensure_skill_areas
from training.models import SkillArea


@pytest.fixture
def lists(directory):
    ensure_skill_areas(SkillArea)
    install_default_rules()
    return directory


@pytest.fixture
def api(client):
    """GET an API path; returns (status, JSON body). Every answer, good or
    bad, is JSON that any web page may read."""

    def get(path, **params):
        response = client.get(f"/api/oruk/{path}", params)
        assert response["Content-Type"] == "application/json"
        assert response["Access-Control-Allow-Origin"] == "*"
        return response.status_code, response.json()

    return get


@pytest.fixture
def api_ok(api):
    def get(path, **params):
        status, body = api(path, **params)
        assert status == 200, body
        return body

    return get
