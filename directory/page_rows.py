"""Bulk page creation for benchmark-scale content: the rows Wagtail writes
when an editor creates and publishes a page, for a hundred pages at a time.

Saving 10,000 pages one by one with `add_child` takes a quarter of an hour
or more (about 70 ms a page, before revisions). `PageRows` writes the same
rows in bulk, for any page model whose children (modelcluster child
relations, such as opening hours or course sessions) and many-to-many values
are set on the unsaved page in memory, so the pages are indistinguishable
from hand-made ones: live, routable, searchable, with a published revision,
an audit log and reference-index entries, and a tree that `fixtree` finds
consistent. Used by directory/bench.py and training/bench.py."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends


@dataclass
class NewPage:
    """A page not yet saved, with its children and many-to-many values set
    on it, and when it was (notionally) first published."""

    page: Page
    published_at: datetime.datetime


class PageRows:
    """Inserts new pages under one parent with the rows Wagtail writes when an
    editor creates and publishes a page in the admin: the tree row and the
    specific row, child and many-to-many rows, a revision that is both latest
    and live, the create/edit/publish log entries, reference-index entries and
    search-index entries. About fifty queries for a batch of a hundred pages,
    where saving them one by one with add_child takes thousands.

    Everything each page needs is set on it in memory first (its children and
    many-to-many values through modelcluster), so serialising the revision
    and indexing the page read no rows back."""

    def __init__(self, parent, new_pages):
        self.parent = parent
        self.new_pages = new_pages
        self.pages = [new.page for new in new_pages]
        models = {type(page) for page in self.pages}
        if len(models) > 1:
            raise ValueError("PageRows inserts pages of one model at a time.")
        self.model = models.pop() if models else None
        self.base_content_type = ContentType.objects.get_for_model(Page)

    def insert(self):
        if not self.pages:
            return
        self.prepare()
        self.insert_tree_rows()
        self.insert_specific_rows()
        self.insert_related_rows()
        self.insert_revisions()
        self.insert_log_entries()
        self.index()

    def prepare(self):
        """Paths after the parent's last child, as treebeard's add_child
        would give them one at a time, and the fields Page.full_clean and
        publishing fill in."""
        last = self.parent.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        for offset, page in enumerate(self.pages):
            page.path = Page._get_path(self.parent.path, self.parent.depth + 1, step + offset)
            page.depth = self.parent.depth + 1
            page.numchild = 0
            page.locale_id = self.parent.locale_id
            page.draft_title = page.title
            page.url_path = f"{self.parent.url_path}{page.slug}/"
            # A new page has no comments; saying so spares a query per page.
            setattr(page, COMMENTS_RELATION_NAME, [])
            # Bulk inserts skip full_clean: catch values that do not fit
            # (relations are set by code, and checking them costs a query each).
            relations = [field.name for field in page._meta.concrete_fields if field.is_relation]
            page.clean_fields(exclude=relations)

    def insert_tree_rows(self):
        names = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
        rows = Page.objects.bulk_create(
            Page(**{name: getattr(page, name) for name in names}) for page in self.pages
        )
        for page, row in zip(self.pages, rows, strict=True):
            page.id = page.page_ptr_id = row.id
            page._state.adding = False
        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + len(rows))
        self.parent.numchild += len(rows)

    def insert_specific_rows(self):
        """The page type's own table. bulk_create refuses multi-table
        models, so this makes the insert it would, a batch at a time, with
        the same (private) manager method."""
        fields = self.model._meta.local_concrete_fields
        size = connection.ops.bulk_batch_size(fields, self.pages)
        for start in range(0, len(self.pages), size):
            self.model._base_manager._insert(self.pages[start : start + size], fields)

    def insert_related_rows(self):
        """Child rows (in their order, as modelcluster saves them), then
        many-to-many rows. A new page has no comments (see prepare)."""
        for relation in get_all_child_relations(self.model):
            name = relation.get_accessor_name()
            if name == COMMENTS_RELATION_NAME:
                continue
            children = []
            for page in self.pages:
                for order, child in enumerate(getattr(page, name).all()):
                    setattr(child, relation.field.attname, page.pk)
                    if hasattr(child, "sort_order"):
                        child.sort_order = order
                    children.append(child)
            relation.related_model.objects.bulk_create(children)
        for field in get_all_child_m2m_relations(self.model):
            through = field.remote_field.through
            source, target = field.m2m_column_name(), field.m2m_reverse_name()
            through.objects.bulk_create(
                through(**{source: page.pk, target: term.pk})
                for page in self.pages
                for term in getattr(page, field.name).all()
            )

    def insert_revisions(self):
        """Each page's only revision, serialised before any revision or
        publishing field is set, as save_revision does; then the page points
        at it as both latest and live, published when it was saved."""
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type_id=new.page.content_type_id,
                base_content_type=self.base_content_type,
                object_id=str(new.page.pk),
                created_at=new.published_at,
                object_str=str(new.page),
                content=new.page.serializable_data(),
            )
            for new in self.new_pages
        )
        revision = Revision.objects.filter(
            base_content_type=self.base_content_type,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        revision_id = Subquery(revision.values("pk")[:1])
        created_at = Subquery(revision.values("created_at")[:1])
        Page.objects.filter(pk__in=[page.pk for page in self.pages]).update(
            latest_revision=revision_id,
            live_revision=revision_id,
            latest_revision_created_at=created_at,
            first_published_at=created_at,
            last_published_at=created_at,
        )
        for page, revision in zip(self.pages, revisions, strict=True):
            page.latest_revision = page.live_revision = revision
            page.latest_revision_created_at = revision.created_at
            page.first_published_at = page.last_published_at = revision.created_at

    def insert_log_entries(self):
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                content_type_id=page.content_type_id,
                page_id=page.pk,
                label=page.get_admin_display_title(),
                action=action,
                revision=None if action == "wagtail.create" else page.live_revision,
                content_changed=True,
                timestamp=page.first_published_at,
            )
            for page in self.pages
            for action in ("wagtail.create", "wagtail.edit", "wagtail.publish")
        )

    def index(self):
        """The reference index has no bulk API: these are the rows
        ReferenceIndex.create_or_update_for_object writes for a new page,
        from the same helpers. The search backends take the pages in bulk."""
        if ReferenceIndex.is_indexed(self.model):
            ReferenceIndex.objects.bulk_create(
                ReferenceIndex(
                    content_type_id=page.content_type_id,
                    base_content_type=self.base_content_type,
                    object_id=page.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for page in self.pages
                for to_content_type_id, to_object_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(page)
                )
            )
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(self.model, self.pages)
