"""A resident's or adviser's shortlist of listings, kept in their session
(no account, nothing stored about them), to print or email."""

from urllib.parse import urlsplit

from website import site_address

SESSION_KEY = "directory_shortlist"
SEARCH_KEY = "directory_shortlist_search"
MAX_ITEMS = 30


def remember_search(session, url, index_url):
    """The search a listing was added from (its page of results, filters
    and all), for the shortlist's "Back to search"; not a place's page."""
    if is_search(url, index_url):
        session[SEARCH_KEY] = url


def last_search(session, index_url):
    url = session.get(SEARCH_KEY, "")
    return url if is_search(url, index_url) else index_url


def is_search(url, index_url):
    return urlsplit(url).path == index_url


def shortlisted_ids(session):
    return [int(pk) for pk in session.get(SESSION_KEY, []) if str(pk).isdigit()]


def add(session, pk):
    ids = shortlisted_ids(session)
    if pk not in ids and len(ids) < MAX_ITEMS:
        session[SESSION_KEY] = [*ids, pk]
        return True
    return False


def remove(session, pk):
    ids = shortlisted_ids(session)
    if pk in ids:
        session[SESSION_KEY] = [item for item in ids if item != pk]


def listings(session):
    """The shortlisted listings that are still live, in the order added."""
    from directory.models.access_points import AccessPointPage

    ids = shortlisted_ids(session)
    pages = (
        AccessPointPage.objects.live()
        .public()
        .filter(pk__in=ids)
        .select_related("area")
        .prefetch_related("opening_hours", "services")
    )
    by_pk = {page.pk: page for page in pages}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def as_text(pages):
    """The shortlist as a plain-text email body."""
    blocks = []
    for page in pages:
        lines = [page.title, ", ".join(page.public_address)]
        if page.phone:
            lines.append(f"Phone: {page.phone}")
        lines.extend(f"{day}: {hours}" for day, hours in page.weekly_hours if hours != "Closed")
        lines.append(site_address.page_address(page))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
