"""Navigation prepared for the templates: which link is the current page is
decided here, not in the template."""

from django import template

from website import chrome

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
    items = [
        {"text": link.text, "href": link.href, "current": _is_current(link.href, request.path)}
        for link in chrome.for_request(request).main_navigation
    ]
    return {"items": items}


@register.simple_tag(takes_context=True)
def brand(context):
    """The brand settings for this request's site, as website/chrome.py
    keeps them: partnership_name, tagline, brand_colour, logo (url, width,
    height), contact_email, contact_phone, footer_links and social_links
    (text, href)."""
    return chrome.for_request(context["request"])
