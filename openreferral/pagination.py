"""The 3.0 page envelope around a list endpoint's contents."""

import math

from openreferral.errors import not_found


def page_of(items, page, per_page):
    """(the items on this page, the envelope without its contents). Page 1
    of an empty list is an empty page; a page past the last is a 404."""
    total = len(items)
    total_pages = math.ceil(total / per_page)
    if page > max(total_pages, 1):
        raise not_found(f"page {page} is past the last page, {total_pages}.")
    shown = items[(page - 1) * per_page : page * per_page]
    envelope = {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(shown),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not shown,
    }
    return shown, envelope


def with_contents(envelope, contents):
    return {**envelope, "contents": contents}
