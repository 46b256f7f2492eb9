"""What the apps above the directory add to an access point, registered from
their AppConfig.ready(), so that the directory imports none of them (as the
search's sources register in search.py).

- courses here: the courses held at a place, listed on its page (training);
- events here: the upcoming events held at a place, listed on its page
  (events);
- pages showing it: other pages that show what a place says, which a CDN
  forgets when the place changes (website/cdn_purge.py; training's courses,
  events).
"""

COURSES_HERE = []
EVENTS_HERE = []
PAGES_SHOWING = []


def register(courses_here=None, pages_showing=None, events_here=None):
    """Each a function of an access point returning pages."""
    if courses_here is not None:
        COURSES_HERE.append(courses_here)
    if events_here is not None:
        EVENTS_HERE.append(events_here)
    if pages_showing is not None:
        PAGES_SHOWING.append(pages_showing)


def courses_here(place):
    return [course for source in COURSES_HERE for course in source(place)]


def events_here(place):
    return [event for source in EVENTS_HERE for event in source(place)]


def pages_showing(place):
    return [page for source in PAGES_SHOWING for page in source(place)]
