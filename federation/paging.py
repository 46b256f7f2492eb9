"""Listing a feed's services: /services page by page, to the end. A feed
whose pages are not the profile's page envelope, or that never ends (more
pages than any directory has, or a page of nothing new), stops the import
with a FetchError saying so."""

from federation.fetching import FetchError

PER_PAGE = 50
MAX_SERVICES = 50_000
MAX_PAGES = MAX_SERVICES // PER_PAGE * 2
MAX_ID_LENGTH = 100


def page_ids(page, number):
    """The service ids on one page of /services; FetchError if it is not a
    page of services."""
    where = f"/services page {number}"
    if not isinstance(page, dict):
        raise FetchError(f"{where} is not an ORUK page (a JSON {type(page).__name__}).")
    contents = page.get("contents")
    if not isinstance(contents, list):
        raise FetchError(f"{where} has no 'contents' list.")
    ids = []
    for position, item in enumerate(contents):
        source_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(source_id, str) or not 0 < len(source_id) <= MAX_ID_LENGTH:
            raise FetchError(f"{where}, item {position}: no service id (a string).")
        if "/" in source_id or source_id in (".", ".."):
            raise FetchError(f"{where}, item {position}: {source_id!r} is not an id.")
        ids.append(source_id)
    return ids


def is_last(page, number):
    if page.get("last_page") is True or not page.get("contents"):
        return True
    total_pages = page.get("total_pages")
    return isinstance(total_pages, int) and number >= total_pages


def service_ids(client):
    """Every service id the feed lists, in its order, each once."""
    seen, ordered = set(), []
    for number in range(1, MAX_PAGES + 1):
        page = client.get_json("services", {"page": number, "per_page": PER_PAGE})
        ids = page_ids(page, number)
        new = [source_id for source_id in ids if source_id not in seen]
        if ids and not new:
            raise FetchError(
                f"/services page {number} repeats services already listed: the feed never "
                "ends. Stopped."
            )
        seen.update(new)
        ordered += new
        if len(ordered) > MAX_SERVICES:
            raise FetchError(f"the feed lists more than {MAX_SERVICES:,} services. Stopped.")
        if is_last(page, number):
            return ordered
    raise FetchError(f"the feed has more than {MAX_PAGES:,} pages of services. Stopped.")
