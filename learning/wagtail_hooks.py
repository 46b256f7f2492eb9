"""Learning at home and the skills check in the admin: the coordinators'
list of learning resources (with each link's last check) and the skills
check's statements, which they drag into order."""

from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory.permissions import sees_everything
from learning.admin_filters import LearningResourceFilterSet
from learning.models import LearningResource, SkillStatement


class CoordinatorsKeepPolicy(ModelPermissionPolicy):
    """Coordinators keep both lists, by their group rather than model
    permissions that setup_partnership would have to grant (as for the
    champions' skills)."""

    def user_has_permission(self, user, action):
        return sees_everything(user) or super().user_has_permission(user, action)


class LearningResourceViewSet(SnippetViewSet):
    model = LearningResource
    icon = "link-external"
    menu_label = "Learning resources"
    list_display = [
        "title",
        "provider",
        "level",
        Column("link_status", label="Link"),
        "last_checked",
    ]
    filterset_class = LearningResourceFilterSet
    search_fields = ["title", "provider"]
    search_backend_name = None
    copy_view_enabled = False


class SkillStatementViewSet(SnippetViewSet):
    """Ordered by dragging in the list (sort_order from Orderable); the
    check asks them area by area in that order."""

    model = SkillStatement
    icon = "list-ol"
    menu_label = "Skills check statements"
    list_display = ["text", "area"]
    list_filter = ["area"]
    sort_order_field = "sort_order"
    copy_view_enabled = False


class LearningGroup(SnippetViewSetGroup):
    menu_label = "Skills and learning"
    menu_icon = "tasks"
    menu_order = 260
    items = (LearningResourceViewSet, SkillStatementViewSet)


for model in (LearningResource, SkillStatement):
    register_permission_policy(model, CoordinatorsKeepPolicy(model))
register_snippet(LearningGroup)
