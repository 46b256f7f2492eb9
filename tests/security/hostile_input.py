"""What an attacker, a broken bot or an unlucky paste sends to a public
form, as Hypothesis strategies: each field is left out, filled with a good
value, or filled with something hostile (control characters and NUL, which
PostgreSQL refuses in text; right-to-left overrides; lone surrogates, which
arrive as invalid UTF-8; markup, SQL and spreadsheet formulas; huge values;
several values where one is expected); and unknown fields are added. The
body is encoded as raw bytes, as a browser or a script would send it."""

from urllib.parse import quote_from_bytes

from django.db import models
from hypothesis import strategies as st

NASTY = (
    "\x00",
    "name\x00with NUL",
    "\x00" * 40,
    "\u202eevil.exe\u202c",
    "مرحبا بالعالم",
    "שלום",
    "\ud800",
    "lone \udfff surrogate",
    "😀👩🏽‍💻",
    "\ufeffBOM",
    "line\r\nbreak\nand\ttab",
    "\x1b[31mred\x1b[0m\x07\x08\x7f",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "'; DROP TABLE champions_champion; --",
    '=HYPERLINK("http://evil.example","click")',
    "+SUM(1,1)",
    "../../../../etc/passwd",
    "%00%ff%fe",
    "   ",
    "",
    "ǅ Ⅻ ﬁ ㎒",
    "9" * 400,
)

hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=80),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=20),
    st.integers(min_value=300, max_value=120_000).map(lambda size: "x" * size),
)
# Bytes that are not UTF-8 at all.
hostile_bytes = st.binary(min_size=1, max_size=40)


def hostile_values():
    """A field's values when it is tampered with: left out, or one to three
    hostile values."""
    return st.one_of(
        st.just([]), st.lists(st.one_of(hostile_text, hostile_bytes), min_size=1, max_size=3)
    )


@st.composite
def form_data(draw, good_values):
    """(name, value) pairs for a form, given some good values for each of
    its fields as {name: [values]}: every field starts good, then up to
    three are tampered with and up to two unknown fields are added. So most
    submissions are nearly right, and hostile text reaches what is saved."""
    chosen = {
        name: [draw(st.sampled_from(values))] if values else []
        for name, values in good_values.items()
    }
    tampered = draw(st.lists(st.sampled_from(sorted(good_values)), max_size=3, unique=True))
    for name in tampered:
        chosen[name] = draw(hostile_values())
    unknown = draw(st.lists(st.tuples(hostile_text, hostile_text), max_size=2))
    return [(name, value) for name, values in chosen.items() for value in values] + unknown


def encode(pairs):
    """application/x-www-form-urlencoded bytes; lone surrogates become the
    invalid UTF-8 a hostile client would send."""

    def raw(value):
        if isinstance(value, bytes):
            return value
        return str(value).encode("utf-8", "surrogatepass")

    return "&".join(
        f"{quote_from_bytes(raw(name))}={quote_from_bytes(raw(value))}" for name, value in pairs
    )


def post(client, url, pairs):
    return client.post(url, encode(pairs), content_type="application/x-www-form-urlencoded")


def get(client, url, pairs):
    return client.get(f"{url}?{encode(pairs)}")


def garbage_in(instance):
    """What is wrong with a stored row: text the database should never
    hold, or values its model would not accept."""
    problems = []
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(instance, field.attname)
        if not isinstance(value, str):
            continue
        if "\x00" in value or any("\ud800" <= char <= "\udfff" for char in value):
            problems.append(f"{field.name} holds NUL or a lone surrogate")
        if field.max_length and len(value) > field.max_length:
            problems.append(f"{field.name} is {len(value)} long, over {field.max_length}")
        if field.choices and value and value not in dict(field.flatchoices):
            problems.append(f"{field.name} is {value!r}, not one of its choices")
    return problems
