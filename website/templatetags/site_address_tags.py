"""Full addresses for what is printed or copied off the site (a printed
shortlist's links), from the one configured site address."""

from django import template

from website import site_address

register = template.Library()


@register.filter
def full_address(page):
    return site_address.page_address(page)


@register.filter
def phone_link(number):
    """A `tel:` address for a phone number as people write it."""
    return "tel:" + "".join(
        character for character in number if character.isdigit() or character == "+"
    )
