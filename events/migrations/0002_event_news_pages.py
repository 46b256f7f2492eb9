"""Every news page of kind "event" becomes an event page, nothing lost.

Each keeps its page id, so its revisions, history, permissions and the
links to it stay; its type becomes EventPage and it moves under the events
index (made, as "Events" beside the news index, if the site has none), so
its address becomes /events/<slug>/. A permanent redirect is made from
its old address. Its revisions are rewritten as event revisions, so an
editor can still compare and revert.

Fields: intro becomes summary; body, title and slug are kept; event_start
becomes start; event_end becomes end (one hour after the start when the
news page gave none); event_location becomes a free address (online when
it was empty or said "online"). An event news page with no start (the old
form refused that, but the database allowed it) starts at 10am on its
published date.

Written with the migration's own models and plain tree arithmetic
(Wagtail's materialised path: four base-36 characters a level), so that
it does not depend on code that may change later. It cannot be undone."""

import datetime
import uuid
from types import SimpleNamespace

from django.db import migrations
from django.db.migrations.exceptions import IrreversibleError
from django.db.models import F
from django.utils import timezone

STEP = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
FIELDS = ("intro", "event_start", "event_end", "event_location", "kind", "date")


def _step(number):
    text = ""
    while number:
        number, digit = divmod(number, 36)
        text = ALPHABET[digit] + text
    return text.rjust(STEP, "0")


def _next_child_path(Page, parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-STEP:], 36) + 1 if last else 1
    return parent.path + _step(number)


def _free_slug(Page, parent, slug):
    taken = set(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).values_list(
            "slug", flat=True
        )
    )
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _content_type(apps, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="events", model=model)[0]


def _events_index(apps, news):
    EventIndexPage = apps.get_model("events", "EventIndexPage")
    Page = apps.get_model("wagtailcore", "Page")
    index = EventIndexPage.objects.order_by("path").first()
    if index is not None:
        return index
    home = Page.objects.get(path=news.path[: -2 * STEP])  # the news index's parent
    slug = _free_slug(Page, home, "events")
    now = timezone.now()
    index = EventIndexPage.objects.create(
        title="Events",
        draft_title="Events",
        slug=slug,
        path=_next_child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{slug}/",
        content_type=_content_type(apps, "eventindexpage"),
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        locale_id=home.locale_id,
        translation_key=uuid.uuid4(),
        intro="Events you can come to: drop-ins, workshops, hack days and more.",
    )
    Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + 1)
    return index


def _event_values(news):
    start = news.event_start
    if start is None:
        start = timezone.make_aware(datetime.datetime.combine(news.date, datetime.time(10)))
    end = news.event_end if news.event_end and news.event_end > start else None
    location = (news.event_location or "").strip()
    online = not location or location.lower() == "online"
    return {
        "summary": news.intro,
        "start": start,
        "end": end or start + datetime.timedelta(hours=1),
        "where": "online" if online else "address",
        "address": "" if online else location,
    }


def _rewrite_revision(content, content_type_id):
    """A news page revision's content as an event page revision's."""
    old = {name: content.get(name) for name in FIELDS}
    start, end = (
        datetime.datetime.fromisoformat(old[name]) if old[name] else None
        for name in ("event_start", "event_end")
    )
    date = datetime.date.fromisoformat(old["date"]) if old["date"] else timezone.localdate()
    values = _event_values(
        SimpleNamespace(
            event_start=start,
            event_end=end,
            event_location=old["event_location"],
            intro=old["intro"] or "",
            date=date,
        )
    )
    content = {key: value for key, value in content.items() if key not in FIELDS}
    content.update(
        content_type=content_type_id,
        kind="drop_in",
        cost="Free",
        **{k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in values.items()},
    )
    return content


def _redirect(apps, page_id, old_url_path):
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    Site = apps.get_model("wagtailcore", "Site")
    for site in Site.objects.select_related("root_page"):
        root = site.root_page.url_path
        if old_url_path.startswith(root):
            old_path = "/" + old_url_path[len(root) :].strip("/")
            Redirect.objects.get_or_create(
                old_path=old_path,
                site=site,
                defaults={
                    "redirect_page_id": page_id,
                    "is_permanent": True,
                    "automatically_created": True,
                },
            )


def convert_event_news_pages(apps, schema_editor=None):
    NewsPage = apps.get_model("website", "NewsPage")
    EventPage = apps.get_model("events", "EventPage")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    using = schema_editor.connection.alias if schema_editor else "default"
    converted = 0
    for news in NewsPage.objects.filter(kind="event").order_by("path"):
        index = _events_index(apps, news)
        index.refresh_from_db()
        event_type = _content_type(apps, "eventpage")
        values = _event_values(news)
        body = list(news.body.raw_data) if news.body else []
        # The page row stays (its id, revisions and history); only its
        # type's own row is swapped.
        NewsPage.objects.filter(pk=news.pk)._raw_delete(using)
        EventPage(page_ptr_id=news.pk, body=body, kind="drop_in", cost="Free", **values).save_base(
            raw=True, force_insert=True
        )
        old_parent_path, old_url_path = news.path[:-STEP], news.url_path
        slug = _free_slug(Page, index, news.slug)
        Page.objects.filter(pk=news.pk).update(
            content_type=event_type,
            path=_next_child_path(Page, index),
            depth=index.depth + 1,
            slug=slug,
            url_path=f"{index.url_path}{slug}/",
        )
        Page.objects.filter(path=old_parent_path).update(numchild=F("numchild") - 1)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + 1)
        revisions = Revision.objects.filter(
            object_id=str(news.pk), content_type_id=news.content_type_id
        )
        for revision in revisions:
            Revision.objects.filter(pk=revision.pk).update(
                content_type=event_type,
                content=_rewrite_revision(revision.content, event_type.pk),
            )
        _redirect(apps, news.pk, old_url_path)
        converted += 1
    return converted


def refuse_to_undo(apps, schema_editor):
    """Going back before this migration is possible only while there are no
    event pages (a new or test database): the news pages they were made
    from are gone."""
    if apps.get_model("events", "EventPage").objects.exists():
        raise IrreversibleError(
            "Event news pages became event pages and cannot be turned back."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("website", "0007_problem_report_retention"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(convert_event_news_pages, refuse_to_undo, elidable=False)]
