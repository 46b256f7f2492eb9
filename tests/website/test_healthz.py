"""/healthz, as a load balancer calls it: the database and the cache are
checked, the answer names only what failed, and neither the host check nor
the HTTPS redirect stands in its way."""

import json

import pytest

from tests.faults import closed_port, database_stopped


@pytest.mark.django_db
def test_healthy_site_answers_200_ok_with_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
    }


def test_a_stopped_database_is_named_in_a_503(client, django_db_blocker):
    with database_stopped(django_db_blocker):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "fail",
        "checks": {"database": "fail", "cache": "ok"},
    }


@pytest.mark.django_db
def test_an_unreachable_cache_is_named_in_a_503(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "website.redis_cache.SharedRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {"database": "ok", "cache": "fail"}


@pytest.mark.django_db
def test_the_load_balancer_may_ask_by_address_over_plain_http(client, settings):
    settings.ALLOWED_HOSTS = ["digital.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/", HTTP_HOST="192.0.2.10").status_code == 400
    assert client.get("/", HTTP_HOST="digital.example.org").status_code == 301

    response = client.get("/healthz", HTTP_HOST="192.0.2.10")
    assert response.status_code == 200


@pytest.mark.django_db
def test_it_is_never_rate_limited_and_only_reads(client):
    assert {client.get("/healthz").status_code for _ in range(100)} == {200}
    assert client.post("/healthz").status_code == 405
