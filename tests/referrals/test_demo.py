"""The demo referrals that seed_demo adds, and the default routing rules."""

from io import StringIO

from django.core.management import call_command

from referrals.models import Referral, ReferralEvent, RoutingRule


def test_demo_adds_about_150_referrals_in_every_status_and_outcome_once(full_demo_site):
    referrals = Referral.objects.all()

    assert 140 <= referrals.count() <= 160
    assert set(referrals.values_list("status", flat=True)) == set(Referral.Status.values)
    outcomes = set(referrals.exclude(outcome="").values_list("outcome", flat=True))
    assert outcomes == {value for value in Referral.Outcome.values if value}
    assert referrals.filter(organisation__isnull=True).exists()
    assert ReferralEvent.objects.filter(kind="created").count() == referrals.count()
    assert RoutingRule.objects.filter(trigger="no_device", services__slug="device-loans").exists()

    call_command("seed_demo", stdout=StringIO())
    assert Referral.objects.count() == referrals.count()
