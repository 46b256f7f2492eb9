"""Factories for the events index and events. Events start a week from now
at 10am for two hours unless told otherwise. Factory-made pages are live
without being published, so `EventPageFactory` keeps the event's booking
session in step itself, as publishing does (events/booking_session.py)."""

import datetime

import factory
import wagtail_factories
from django.utils.text import slugify

from events.booking_session import sync_session
from events.models import EventIndexPage, EventPage
from tests.factories.training import upcoming


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    intro = "Events you can come to."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = "Come and try something new."
    kind = EventPage.Kind.DROP_IN
    start = factory.LazyFunction(upcoming)
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=2))
    where = EventPage.Where.ADDRESS
    address = "Chorley Town Hall, Market Street, Chorley"
    cost = "Free"

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def booking_session(page, create, extracted, **kwargs):
        if create and page.live:
            sync_session(page)
