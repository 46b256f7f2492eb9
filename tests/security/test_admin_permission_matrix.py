"""Every admin address, as each role, against the matrix written down in
admin_matrix.py: coordinators, an editor of the partner that owns the
records, staff of the organisation hosting the champion, and anonymous
visitors. The addresses come from the URL resolver, so a new admin view is
caught until someone decides who may open it."""

import time

import pytest
from django.test import Client

from tests.security import admin_world
from tests.security.admin_matrix import ROLES, expected
from tests.security.admin_urls import admin_patterns
from tests.security.admin_walk import walk


def test_the_matrix_names_every_admin_address_once():
    names = [name for name, _route in admin_patterns()]
    assert len(names) == len(set(names))
    assert set(names) == set(expected())


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_what_the_matrix_says(demo_site, role):
    world = admin_world.build()
    matrix = expected()
    started = time.perf_counter()
    differences = [
        f"{role} {name}: expected {matrix[name][role]}, got {seen}"
        for name, seen in walk(world, role).items()
        if seen != matrix[name][role]
    ]
    print(f"walked {len(matrix)} addresses as {role} in {time.perf_counter() - started:.1f} s")
    assert not differences, "\n".join(differences)


def test_only_the_deliberate_error_page_fails():
    failing = [
        name
        for name, row in expected().items()
        if "500" in row.values() and name != "wagtailadmin_error_test"
    ]
    assert not failing


@pytest.mark.django_db
def test_other_staff_cannot_act_on_a_partners_records_by_post(demo_site):
    """What the GET matrix cannot show: Wagtail shows its move confirmation
    to any editor, but the move is checked against page permissions; and a
    referral's actions and a booking's details stay with its organisation."""
    world = admin_world.build()
    client = Client()
    client.force_login(world.host_staff)
    client.post(f"/admin/pages/{world.listing.pk}/move/{world.host_b.pk}/confirm/")
    world.listing.refresh_from_db()
    assert world.listing.get_parent().pk == world.partner_a.pk
    referral = f"/admin/directory/referral/inspect/{world.referral.pk}/"
    client.post(referral, {"action": "note", "text": "Hello"})
    assert not world.referral.events.filter(kind="note").exists()
    booking = f"/admin/training/booking/inspect/{world.booking.pk}/"
    assert world.booking.name not in client.get(booking, follow=True).content.decode()
