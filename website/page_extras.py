"""What an app above adds to another app's page, without that page's app
importing it: an app registers, from its AppConfig.ready(), a function of
(request, page) giving more context for a page type, and the page's
get_context asks for it (`extra_context(request, self)`). Learning at home
adds its resources to course and access point pages this way
(learning/page_resources.py). Each function's keys are its own; each
template includes its own part."""

EXTRAS = {}


def register(model_label, context_of):
    """`model_label` as Django names it: "directory.AccessPointPage"."""
    EXTRAS.setdefault(model_label.lower(), []).append(context_of)


def extra_context(request, page):
    context = {}
    for context_of in EXTRAS.get(page._meta.label_lower, ()):
        context.update(context_of(request, page))
    return context
