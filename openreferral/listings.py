"""Which listings an API request is about, found with the directory's own
search (directory/search.py), so that the API and the site list the same
listings for the same query: words, postcode and distance, day.

What the search does not have (taxonomy terms, modified_after) narrows its
hits afterwards, with a query or two per kind however many hits; loading
the hits on one page as listings costs a fixed number of queries too."""

from directory.search import SOURCES, DirectoryQuery, find_hits
from openreferral.kinds import KINDS
from openreferral.params import METRES_PER_MILE
from website.forms import search_words


def directory_query(params):
    """The search query the API's parameters ask for."""
    location = params.get("postcode")
    proximity = params.get("proximity")
    return DirectoryQuery(
        text=search_words(params.get("search") or ""),
        location=location,
        radius_miles=proximity / METRES_PER_MILE if location and proximity else None,
        weekday=params.get("day"),
        starts_from=params.get("start_time"),
        ends_by=params.get("end_time"),
    )


def published_sources():
    """The search's sources that the API publishes (those with a kind)."""
    return [source for source in SOURCES if source.name in KINDS]


# Parameters the search itself does not have: they narrow its hits after.
NARROWING = ("taxonomy_term_id", "taxonomy_id", "modified_after")


def find(params, now, upto=None):
    """Every hit for these parameters, in the search's order. With `upto`
    (what the page asked for needs), only the first `upto` may be held, with
    the number of hits in all, when nothing narrows the search's hits
    afterwards: the search then counts and orders them in the database
    (directory/search.py's find_hits)."""
    withheld = {source: kind.withheld() for source, kind in KINDS.items()}
    query = directory_query(params)
    if upto and not any(params.get(name) for name in NARROWING) and not any(withheld.values()):
        return find_hits(query, now, published_sources(), upto=upto)
    hits = republishable(find_hits(query, now, published_sources()), withheld)
    allowed = [narrowing(params, name) for name in ("taxonomy_term_id", "taxonomy_id")]
    if params.get("modified_after"):
        moment = params["modified_after"]
        allowed.append({name: kind.modified_since(moment) for name, kind in KINDS.items()})
    for pks_by_source in filter(None, allowed):
        hits = [hit for hit in hits if hit.pk in pks_by_source.get(hit.source, ())]
    return hits


def narrowing(params, name):
    """{source: pks} described by the chosen term, or by any term of the
    chosen taxonomy; None when neither is chosen."""
    chosen = params.get(name)
    if chosen is None:
        return None
    if name == "taxonomy_term_id":
        taxonomy_key, values = chosen.taxonomy.key, [chosen.value]
    else:
        taxonomy_key, values = chosen.key, [term.value for term in chosen.terms()]
    return {source: kind.carrying(taxonomy_key, values) for source, kind in KINDS.items()}


def every_published(now):
    """Every listing the API publishes: what the directory lists for an
    empty search (live, public, within its dates; a course with an
    upcoming session)."""
    return republishable(find_hits(DirectoryQuery(), now, published_sources()))


def republishable(hits, withheld=None):
    """The hits less the listings that are not ours to republish: imported
    from a feed whose licence does not allow it (docs/federation.md). They
    are on our own pages, never in our API."""
    if withheld is None:
        withheld = {source: kind.withheld() for source, kind in KINDS.items()}
    return [hit for hit in hits if hit.pk not in withheld.get(hit.source, ())]


def load(hits, context, full=False):
    """The listings of these hits, in their order (a hit whose page has
    gone since the hits were found is left out)."""
    loaded = {}
    for source, kind in KINDS.items():
        mine = [hit for hit in hits if hit.source == source]
        if mine:
            for pk, listing in kind.load(mine, context, full=full).items():
                loaded[(source, pk)] = listing
    return [loaded[(hit.source, hit.pk)] for hit in hits if (hit.source, hit.pk) in loaded]
