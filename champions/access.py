"""Who may see and change which champions. Roles come from the groups that
directory/permissions.py already keeps, so nothing extra is granted:

- coordinators (the Coordinators group, or a superuser) see and change
  every champion, assign hosts, export and erase one person's data;
- an organisation's editors see only the champions assigned to their
  organisation, move them through screening, training and activity, and
  log their activity.

Every queryset and every object the champion admin serves goes through
`champions_for`, so a guessed address for someone else's champion is a 404."""

from directory.permissions import organisations_edited_by, sees_everything

from .models import Champion, Status

# What an organisation's staff may move a champion to: the stages the host
# runs. Applying and first contact are the coordinators'.
HOST_STATUSES = (
    Status.SCREENING,
    Status.TRAINING_BOOKED,
    Status.TRAINED,
    Status.ACTIVE,
    Status.PAUSED,
    Status.LEFT,
)


class Role:
    """What one user is to the register, worked out once and kept on the
    user object (which lives for one request), so a list of a hundred
    champions asks the database once, not once per row."""

    def __init__(self, user):
        active = user.is_authenticated and user.is_active
        self.coordinator = active and sees_everything(user)
        self.host_ids = (
            frozenset(organisations_edited_by(user).values_list("pk", flat=True))
            if active and not self.coordinator
            else frozenset()
        )

    def sees(self, champion):
        return self.coordinator or champion.host_id in self.host_ids


def role(user):
    cached = getattr(user, "_champion_role", None)
    if cached is None:
        cached = Role(user)
        user._champion_role = cached
    return cached


def is_coordinator(user):
    return role(user).coordinator


def may_use_register(user):
    user_role = role(user)
    return user_role.coordinator or bool(user_role.host_ids)


def in_scope(user, champion):
    return role(user).sees(champion)


def champions_for(user):
    """Every champion the user may see."""
    user_role = role(user)
    if user_role.coordinator:
        return Champion.objects.all()
    return Champion.objects.filter(host__in=user_role.host_ids)


def statuses_for(user):
    """The statuses the user may move a champion to, as form choices."""
    if is_coordinator(user):
        return list(Status.choices)
    return [(status.value, status.label) for status in HOST_STATUSES]
