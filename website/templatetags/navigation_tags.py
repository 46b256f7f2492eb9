"""Navigation prepared for the templates: which link is the current page is
decided here, not in the template."""

from django import template

from website.models import BrandSettings, NavigationSettings

register = template.Library()


def _is_current(href, path):
    if not href or not href.startswith("/"):
        return False
    if href == "/":
        return path == "/"
    return path.startswith(href)


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    links = NavigationSettings.for_request(request).main_navigation
    items = [
        {
            "text": link.value.text,
            "href": link.value.href,
            "current": _is_current(link.value.href, request.path),
        }
        for link in links
    ]
    return {"items": items}


@register.simple_tag(takes_context=True)
def brand(context):
    """The brand settings for this request's site (cached per request)."""
    return BrandSettings.for_request(context["request"])
