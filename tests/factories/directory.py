"""Factories for the directory's pages. Access points come with a location,
so making one never needs a postcode lookup."""

import factory
import wagtail_factories
from django.utils.text import slugify

from directory.models import AccessPointPage, DirectoryIndexPage, OrganisationPage


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Find help near you"
    slug = "find-help"
    intro = "Free help to get online, near you."

    class Meta:
        model = DirectoryIndexPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = "A partner that helps people get online."
    kind = OrganisationPage.Kind.CHARITY
    email = factory.LazyAttribute(lambda page: f"hello@{page.slug}.example.org")

    class Meta:
        model = OrganisationPage


class AccessPointPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Drop-in {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = "Free help with phones, tablets and computers."
    address_line_1 = "Market Street"
    town = "Chorley"
    postcode = "PR7 1DP"
    latitude = 53.6530
    longitude = -2.6320

    class Meta:
        model = AccessPointPage
