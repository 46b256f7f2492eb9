"""The admin permission helper of the registers that only coordinators
keep (routing rules, other publishers' feeds): they list, add, change and
delete; everyone else sees nothing. Asked once per request, since a list
asks for each row's buttons."""

from wagtail_modeladmin.helpers import PermissionHelper

from directory.permissions import sees_everything_once


class CoordinatorsOnlyHelper(PermissionHelper):
    def user_can_list(self, user):
        return sees_everything_once(user)

    def user_can_create(self, user):
        return sees_everything_once(user)

    def user_can_inspect_obj(self, user, obj):
        return False  # no inspect page: coordinators edit

    def user_can_edit_obj(self, user, obj):
        return sees_everything_once(user)

    def user_can_delete_obj(self, user, obj):
        return sees_everything_once(user)
