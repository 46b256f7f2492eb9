"""Text from a feed as plain text: other publishers' fields may hold HTML,
or script meant to run on our pages. Tags go, the content of script, style
and similar elements goes with them, entities are decoded, and white space
is tidied. What is left is shown escaped, as any text is."""

from html.parser import HTMLParser

DROPPED = frozenset({"script", "style", "iframe", "object", "noscript", "template", "svg"})
BREAKS = frozenset({"p", "br", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr"})


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED:
            self.dropping += 1
        elif tag in BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.dropping:
            self.parts.append(data)


def plain_text(value, max_length=None):
    """One or more lines of plain text (paragraphs kept as lines)."""
    if value is None:
        return ""
    parser = _TextOnly()
    parser.feed(str(value))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text = "\n".join(line for line in lines if line)
    if max_length and len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def one_line(value, max_length=None):
    return plain_text(value, max_length=None).replace("\n", " ")[:max_length] if value else ""
