"""Blank form fields drawn once, not on every request.

Drawing a public form's fields through crispy-forms-gds costs more than
anything else on its page (about 25 ms for the referral details form), and
every person who opens a form first sees the same blank fields. `blank_cached`
wraps a form layout's fields so that a field with no value and no error is
drawn from the cache; a field holding what someone typed, or showing an
error, is always drawn afresh and never stored, so no personal data goes
into the cache.

A cached field's key holds everything its HTML is drawn from: the form,
the field's name, label, help text, whether it is required, its widget's
attributes, its choices (so a coordinator's change to a list shows at once)
and the layout's options for it. As the key says everything, each process
keeps its own copy (HtmlMemo): no round trip to a shared cache per field,
and no server can show another's stale HTML."""

import hashlib
import threading
from collections import OrderedDict

from django.utils.encoding import force_str


class HtmlMemo:
    """A small in-process store of drawn HTML (or anything else: the
    page cache's recent pages, website/recent_pages.py) by key, the least
    recently used dropped first."""

    def __init__(self, size=4000):
        self.size = size
        self._items = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            html = self._items.get(key)
            if html is not None:
                self._items.move_to_end(key)
            return html

    def set(self, key, html):
        with self._lock:
            self._items[key] = html
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self):
        with self._lock:
            self._items.clear()

    def values(self):
        with self._lock:
            return list(self._items.values())

    def get_or_draw(self, key, draw):
        html = self.get(key)
        if html is None:
            html = draw()
            self.set(key, html)
        return html


MEMO = HtmlMemo()


def _is_blank(value):
    return value in (None, "", [], ()) or value is False


def _key(form, bound_field, layout_field):
    field = bound_field.field
    choices = [
        (force_str(value), force_str(label)) for value, label in getattr(field, "choices", ())
    ]
    text = repr(
        (
            type(form).__module__,
            type(form).__qualname__,
            bound_field.html_name,
            bound_field.auto_id,
            force_str(bound_field.label),
            force_str(bound_field.help_text),
            field.required,
            sorted((k, force_str(v)) for k, v in field.widget.attrs.items()),
            choices,
            getattr(layout_field, "template", None),
            sorted((k, force_str(v)) for k, v in getattr(layout_field, "attrs", {}).items()),
            repr(getattr(layout_field, "context", None)),
        )
    )
    return "website:field:" + hashlib.sha256(text.encode()).hexdigest()[:40]


class BlankCached:
    """One crispy layout field, drawn from the cache while it is blank."""

    def __init__(self, field):
        self.field = field
        self.fields = field.fields

    def render(self, form, context, **kwargs):
        def draw():
            return self.field.render(form, context, **kwargs)

        name = self.fields[0]
        if name not in form.fields:
            return draw()
        bound_field = form[name]
        if bound_field.errors or not _is_blank(bound_field.value()):
            return draw()
        return MEMO.get_or_draw(_key(form, bound_field, self.field), draw)


def blank_cached(*items):
    """The layout items with each field (also inside fieldsets) wrapped in
    BlankCached; other items as they are."""
    wrapped = []
    for item in items:
        if item is None:
            continue
        inner = getattr(item, "fields", None)
        if inner and all(isinstance(name, str) for name in inner):
            # A field: its `fields` are the names it draws.
            wrapped.append(BlankCached(item) if len(inner) == 1 else item)
        elif inner is not None and not isinstance(item, str):
            item.fields = blank_cached(*inner)
            wrapped.append(item)
        else:
            wrapped.append(item)
    return wrapped
