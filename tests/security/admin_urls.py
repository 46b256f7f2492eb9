"""Every address the admin serves, enumerated from the URL resolver (so a
new admin view cannot escape the matrix), each filled in with a real record
from admin_world where it takes an id."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

ADMIN_PREFIX = "admin/"
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<regex_name>\w+)>[^)]*\)")


def admin_patterns():
    """(name, route) for every admin URL pattern, in resolver order. Unnamed
    patterns (Wagtail's catch-all 404s) are named by their route; a name
    that two routes share gets "#2" on the second."""
    found = []
    names = set()

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                walk(pattern.url_patterns, route, inner)
            elif isinstance(pattern, URLPattern) and route.startswith(ADMIN_PREFIX):
                name = f"{namespace}{pattern.name}" if pattern.name else route
                if name in names:
                    name += "#2"
                names.add(name)
                found.append((name, route))

    walk(get_resolver().url_patterns, "", "")
    return found


def path_for(name, route, world):
    """A concrete path for a route, its parameters filled from the world."""
    values = parameters_for(name.removesuffix("#2"), world)

    def fill(match):
        key = match.group("name") or match.group("regex_name")
        if key not in values:
            raise KeyError(f"{name}: no value for <{key}> in {route}")
        return str(values[key])

    path = PARAMETER.sub(fill, route)
    # Regex routes (modeladmin, the API) keep their anchors and escapes.
    path = path.replace("^", "").replace("$", "").replace("\\.", ".")
    return "/" + re.sub(r"/+", "/", path)


def parameters_for(name, world):
    page = world.listing.pk
    values = {
        "page_id": page,
        "parent_page_id": world.partner_a.pk,
        "page_to_move_id": page,
        "destination_id": world.partner_a.pk,
        "revision_id": world.revision.pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "task_state_id": world.task_state.pk,
        "workflow_state_id": world.workflow_state.pk,
        "task_id": world.task.pk,
        "action_name": "approve",
        "collection_id": world.collection.pk,
        "page_pk": world.index.pk,
        "workflow_pk": world.workflow.pk,
        "object_id": page,
        "session_id": 1,
        "session_pk": world.session.pk,
        "redirect_id": world.redirect.pk,
        "document_id": world.document.pk,
        "doc_id": world.document.pk,
        "uploaded_file_id": 1,
        "image_id": world.image.pk,
        "filter_spec": "fill-10x10",
        "uidb64": "MQ",
        "token": "not-a-token",
        "app_label": "directory",
        "model_name": "accesspointpage",
        "content_type_app_name": "directory",
        "content_type_model_name": "accesspointpage",
        "app_name": "website",
        "action": "delete",
        "pk": page,
        "instance_pk": "",
        "kind": "areas",
    }
    # Names that take the same parameter for different things.
    for prefix, key, value in [
        ("wagtailadmin_api:documents", "pk", world.document.pk),
        ("wagtailadmin_api:images", "pk", world.image.pk),
        ("wagtailadmin_api:pages:action", "action_name", "copy"),
        ("wagtailadmin_collections", "pk", world.collection.pk),
        ("wagtailadmin_workflows:add_task", "app_label", "wagtailcore"),
        ("wagtailadmin_workflows:add_task", "model_name", "groupapprovaltask"),
        ("wagtailadmin_workflows", "pk", world.workflow.pk),
        ("wagtailadmin_workflows:edit_task", "pk", world.task.pk),
        ("wagtailadmin_workflows:disable_task", "pk", world.task.pk),
        ("wagtailadmin_workflows:enable_task", "pk", world.task.pk),
        ("wagtailadmin_editing_sessions", "app_label", "wagtailcore"),
        ("wagtailadmin_editing_sessions", "model_name", "page"),
        ("wagtailadmin_tag_model_autocomplete", "app_name", "wagtailimages"),
        ("wagtailadmin_tag_model_autocomplete", "model_name", "image"),
        ("wagtail_bulk_action", "app_label", "wagtailcore"),
        ("wagtail_bulk_action", "model_name", "page"),
        ("wagtailsettings", "model_name", "brandsettings"),
        ("wagtailsettings", "pk", world.site.pk),
        ("wagtailsites", "pk", world.site.pk),
        ("wagtailusers_users", "pk", world.partner_editor.pk),
        ("wagtailusers_groups", "pk", world.group.pk),
        ("wagtaildocs_chooser", "pk", world.document.pk),
        ("wagtailimages_chooser", "pk", world.image.pk),
        ("directory_referral", "instance_pk", world.referral.pk),
        ("directory_routingrule", "instance_pk", world.routing_rule.pk),
        ("directory_problemreport", "instance_pk", world.problem_report.pk),
        ("directory_listingnote", "instance_pk", world.note.pk),
        ("training_session", "instance_pk", world.session.pk),
        ("training_booking", "instance_pk", world.booking.pk),
        ("champions_champion", "instance_pk", world.champion.pk),
        ("website_outgoingemail", "instance_pk", world.outgoing_email.pk),
        ("website_outgoingtext", "instance_pk", world.outgoing_text.pk),
    ]:
        if name.startswith(prefix):
            values[key] = value
    for snippet in SNIPPET_RECORDS:
        if f"_{snippet}:" in name:
            values["pk"] = getattr(world, SNIPPET_RECORDS[snippet]).pk
    return values


SNIPPET_RECORDS = {
    "servicetype": "service_type",
    "accessibilityfeature": "accessibility_feature",
    "language": "language",
    "area": "area",
    "skill": "skill",
    "learningresource": "learning_resource",
    "skillstatement": "skill_statement",
}
