"""The kind of organisation a referrer works for: asked (optionally) on the
referral form, kept when the referral is anonymised, counted by the impact
dashboard."""

import pytest

from referrals.data_protection import anonymise
from referrals.models import Referral
from tests.factories.referrals import ReferralFactory
from tests.referrals.test_flow import DETAILS, begin

pytestmark = pytest.mark.django_db


def test_a_referrer_says_what_kind_of_organisation_they_work_for(client, directory):
    begin(client)
    form = client.get("/refer/details/").content.decode()
    assert "What kind of organisation is it? (optional)" in form
    assert (
        client.post("/refer/details/", {**DETAILS, "referrer_kind": "jobcentre"}).status_code == 302
    )
    check = client.get("/refer/check/").content.decode()
    assert "Jobcentre Plus or DWP" in check
    client.post("/refer/check/")
    assert Referral.objects.get().referrer_kind == "jobcentre"


def test_the_kind_is_optional_and_an_unknown_one_is_refused_clearly(client, directory):
    begin(client)
    response = client.post("/refer/details/", {**DETAILS, "referrer_kind": "pirates"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select the kind of organisation from the list." in page
    assert "Alex Resident" in page  # nothing typed is lost
    assert client.post("/refer/details/", DETAILS).status_code == 302
    client.post("/refer/check/")
    assert Referral.objects.get().referrer_kind == ""


def test_self_referrals_are_not_asked(client, directory):
    begin(client, mode="self")
    assert "What kind of organisation" not in client.get("/refer/details/").content.decode()


def test_anonymising_keeps_the_kind_of_organisation(demo_site):
    referral = ReferralFactory(referrer_kind="health", referrer_organisation="Chorley Surgery")
    anonymise(referral)
    referral.refresh_from_db()
    assert referral.referrer_kind == "health"
    assert referral.referrer_organisation == ""
