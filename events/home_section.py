"""The home page's "Coming up" section: the next few events, as many as
the events index asks for (its "events on the home page"; 0 for none)."""

from events.listing import next_events
from events.models import EventIndexPage


def next_events_section(request, home):
    index = EventIndexPage.objects.live().public().descendant_of(home).first()
    if index is None or not index.on_home_page:
        return None
    events = next_events(limit=index.on_home_page, within=index)
    if not events:
        return None
    return {"template": "events/includes/home_events.html", "events": events, "index": index}
