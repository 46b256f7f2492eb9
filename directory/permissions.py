"""Who may change what in the directory, set up with Wagtail's own permission
models so that the admin enforces it everywhere (explorer, editor, search,
choosers, reports) without any checks of ours.

- Coordinators run the partnership: they publish anywhere on the site, keep
  the taxonomy lists and approve partners' changes.
- Each organisation has an editors group with add and change rights on its
  own page and nothing above it. Without publish rights, what partners change
  goes live only through the "Listing approval" workflow on the directory.

Every function here is idempotent: running it again grants nothing twice and
creates nothing new.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from directory.models import (
    AccessibilityFeature,
    Area,
    DirectoryIndexPage,
    Language,
    OrganisationPage,
    ServiceType,
)

COORDINATORS = "Coordinators"
WORKFLOW_NAME = "Listing approval"
TASK_NAME = "Coordinator approval"

COORDINATOR_PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock")
# No "publish": a partner's change waits for a coordinator's approval.
PARTNER_PAGE_ACTIONS = ("add", "change")
TAXONOMY_MODELS = (ServiceType, AccessibilityFeature, Language, Area)
COORDINATOR_MEDIA = [
    (app, f"{action}_{model}")
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose", "delete")
]
PARTNER_MEDIA = [
    (app, f"{action}_{model}")
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose")
]
GROUP_NAME_LENGTH = Group._meta.get_field("name").max_length


@transaction.atomic
def coordinators_group():
    """The Coordinators group with admin access, page rights on the home page
    and directory subtrees, the taxonomy snippets, the brand, navigation,
    data-protection and open-data settings, and all images and documents. Page rights are granted on
    whichever of those pages exist, so run it again once the directory is
    created."""
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    group.permissions.add(
        admin_access_permission(),
        *Permission.objects.filter(
            content_type__app_label="directory",
            codename__in=[
                f"{action}_{model._meta.model_name}"
                for model in TAXONOMY_MODELS
                for action in ("add", "change", "delete")
            ]
            + [
                f"{action}_{model}"
                for model in ("problemreport", "listingnote")
                for action in ("add", "change", "delete", "view")
            ],
        ),
    )
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="website",
            codename__in=[
                "manage_personal_data",
                "view_outgoingemail",
                "view_outgoingtext",
                "change_brandsettings",
                "change_navigationsettings",
                "change_dataprotectionsettings",
                "change_opendatasettings",
            ],
        )
    )
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    for page in (site and site.root_page, DirectoryIndexPage.objects.first()):
        if page is not None:
            grant_page_actions(group, page, COORDINATOR_PAGE_ACTIONS)
    grant_media(group, Collection.get_first_root_node(), COORDINATOR_MEDIA)
    return group


@transaction.atomic
def listing_approval_workflow(directory_index):
    """The "Listing approval" workflow, one task that coordinators approve,
    assigned to the directory index so that every organisation's subtree
    goes through it. A workflow a coordinator has since chosen for the
    directory in the admin is left in place."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(coordinators_group())
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr)
    if workflow.active:
        WorkflowPage.objects.get_or_create(page=directory_index, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def setup_organisation(org_page):
    """Give an organisation its editors group: admin access, add and change
    on the organisation's page (and so on its access points), and a
    collection of its own for images and documents. The group is linked to
    the page without saving a revision, so the page's history only holds
    what people changed."""
    # The database, not the instance, says whether the page has a group.
    group = Group.objects.filter(organisation=org_page.pk).first()
    if group is None:
        group = Group.objects.create(name=unique_group_name(f"{org_page.title} editors"))
        # An update rather than save(update_fields=…): no revision, no clean(),
        # and signals.keep_editors_group lets only this function change the link.
        OrganisationPage.objects.filter(pk=org_page.pk).update(editors_group=group)
    org_page.editors_group = group
    group.permissions.add(
        admin_access_permission(),
        # Problem reports on their own listings (feedback_admin scopes them).
        *Permission.objects.filter(
            content_type__app_label="directory",
            codename__in=["view_problemreport", "change_problemreport"],
        ),
    )
    grant_page_actions(group, org_page, PARTNER_PAGE_ACTIONS)
    grant_media(group, organisation_collection(org_page, group), PARTNER_MEDIA)
    return group


def editors_of(page):
    """Active users in the editors group of the organisation that a page (an
    organisation or one of its listings) belongs to."""
    organisation = (
        OrganisationPage.objects.ancestor_of(page, inclusive=True)
        .filter(editors_group__isnull=False)
        .first()
    )
    if organisation is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(is_active=True, groups=organisation.editors_group_id)
        .order_by("pk")
    )


def organisations_edited_by(user):
    """The organisations whose editors group the user belongs to."""
    if not user.is_authenticated:
        return OrganisationPage.objects.none()
    return OrganisationPage.objects.filter(editors_group__user=user)


def sees_everything(user):
    """Coordinators (and superusers) see every organisation's records."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=COORDINATORS).exists())


def sees_everything_once(user):
    """sees_everything, asked once per user object (one per request): an
    admin list asks it again for each row's buttons."""
    if not hasattr(user, "_sees_everything"):
        user._sees_everything = sees_everything(user)
    return user._sees_everything


def works_in_partnership(user):
    """Coordinators, and staff of any organisation: who may open the
    registers (each then shows only what the user's organisations hold)."""
    return user.is_active and (sees_everything(user) or organisations_edited_by(user).exists())


def within_organisations_of(user, path_lookup):
    """A filter for rows whose page lies in an organisation the user edits;
    `path_lookup` leads from the row to that page's tree path (for example
    "listing__path" or "session__page__path")."""
    condition = Q(pk__in=[])
    for path in organisations_edited_by(user).values_list("path", flat=True):
        condition |= Q(**{f"{path_lookup}__startswith": path})
    return condition


def coordinators():
    """Active members of the Coordinators group."""
    return get_user_model().objects.filter(is_active=True, groups__name=COORDINATORS).order_by("pk")


# The building blocks.


def admin_access_permission():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def grant_page_actions(group, page, actions):
    """Grant page actions on a page and so on everything below it."""
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=[f"{action}_page" for action in actions],
    )
    for permission in permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page.pk, permission=permission
        )


def grant_media(group, collection, codenames):
    """Grant image and document rights on a collection and its children."""
    for app_label, codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def organisation_collection(org_page, group):
    """The collection where the organisation's images and documents live:
    the one its group may already add images to, or a new one named after
    it under the root collection."""
    existing = (
        GroupCollectionPermission.objects.filter(
            group=group,
            permission__content_type__app_label="wagtailimages",
            permission__codename="add_image",
        )
        .select_related("collection")
        .first()
    )
    if existing is not None:
        return existing.collection
    return Collection.get_first_root_node().add_child(name=org_page.title)


def unique_group_name(name):
    """A group name no other group has: "Acme editors", then "Acme editors
    (2)". A same-named group that is not linked to this organisation is
    never adopted, so it cannot hand someone else's staff the new listings."""
    base = name[:GROUP_NAME_LENGTH]
    candidate, number = base, 1
    while Group.objects.filter(name=candidate).exists():
        number += 1
        suffix = f" ({number})"
        candidate = base[: GROUP_NAME_LENGTH - len(suffix)] + suffix
    return candidate
