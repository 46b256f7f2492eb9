"""Colour arithmetic for the partnership's brand colour: WCAG contrast, so an
editor cannot pick a colour that makes white header text or buttons
unreadable, and a darker shade for hover and pressed states."""

import re

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MINIMUM_CONTRAST_WITH_WHITE = 4.5


def parse_hex(colour):
    if not HEX_COLOUR.match(colour or ""):
        raise ValueError(f"{colour!r} is not a colour in the form #1a2b3c")
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def relative_luminance(colour):
    """WCAG 2.x relative luminance of a #rrggbb colour."""

    def channel(value):
        srgb = value / 255
        return srgb / 12.92 if srgb <= 0.03928 else ((srgb + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in parse_hex(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darken(colour, amount=0.2):
    """The colour with each channel moved `amount` of the way towards black."""
    return "#" + "".join(f"{round(v * (1 - amount)):02x}" for v in parse_hex(colour))
