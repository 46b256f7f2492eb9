"""What the apps above the website add to the home page, registered from
their AppConfig.ready(), so that the website imports none of them (as the
directory's listing_extras.py does for access points).

A section is a function of (request, home page) returning None (nothing to
show) or a dict with a `template` to include and what it shows; the home
page includes each, in the order the apps registered them, under the
partnership's own text and above the latest news. Events register the next
few events when the events index says to show them (events/)."""

SECTIONS = []


def register(section):
    SECTIONS.append(section)


def sections(request, home):
    return [shown for section in SECTIONS if (shown := section(request, home))]
