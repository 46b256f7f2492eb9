"""The referral form's draft in the session (website/public_sessions.py):
what has been typed until the referral is sent. Shared by the form's pages
(views.py) and the skills check run inside it (skills_views.py)."""

from .models import Referral

DRAFT = "referral_draft"


def is_self(draft):
    return draft.get("mode") == Referral.Mode.SELF
