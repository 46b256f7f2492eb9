"""The sentences a results page says about its results: how many of each
kind, why a kind is left out, and what to say when nothing matches."""

from directory.search import SOURCES, shown_sources


def count_text(hits, query, sources=None):
    """'2 places and 3 courses': how many of each kind searched."""
    counts = hits.count_by_source()
    parts = []
    for source in shown_sources(query, sources):
        number = counts.get(source.name, 0)
        parts.append(f"{number} {source.name if number == 1 else source.plural}")
    return " and ".join(parts)


def narrowing_text(query, sources=None):
    """Why a kind of listing the listing-type filter allows is not shown
    (see DirectoryQuery.shows), or ''."""
    sources = sources or SOURCES
    left_out = [s.plural for s in sources if query.allows(s.name) and not query.shows(s.name)]
    shown = [source.plural for source in shown_sources(query, sources)]
    if not left_out or not shown:
        return ""
    return (
        f"{' and '.join(left_out).capitalize()} are not shown because the filters you "
        f"chose are for {' and '.join(shown)} only."
    )


def no_results_text(query, sources=None):
    """'No places match your search. No courses do either.'"""
    plurals = [source.plural for source in shown_sources(query, sources)] or ["listings"]
    return " ".join(
        [f"No {plurals[0]} match your search.", *(f"No {p} do either." for p in plurals[1:])]
    )
