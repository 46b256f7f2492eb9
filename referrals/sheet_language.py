"""Which language the printed next-steps sheet is in.

The sheet's own sentences are translated with Django's gettext catalogues
in `locale/<code>/LC_MESSAGES/`; a resident whose language has a catalogue
gets the sheet in it, with a link to show it in English for the person
helping them. Names, addresses and the reasons for each match stay in
English: they are what the resident shows at the place, and the page marks
them `lang="en"` so a screen reader says them right.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation

ENGLISH = "en"


@dataclass(frozen=True)
class SheetLanguage:
    code: str
    name: str  # in English, as the referral recorded it
    name_local: str  # in the language itself
    bidi: bool

    @property
    def direction(self):
        return "rtl" if self.bidi else "ltr"


def has_catalogue(code):
    return any(
        (path / code / "LC_MESSAGES" / "django.mo").exists()
        for path in map(Path, settings.LOCALE_PATHS)
    )


def for_referral(referral):
    """The resident's language when the sheet has been translated into it."""
    language = referral.language
    code = (language.code if language else "").strip().lower()
    if not code or code.startswith(ENGLISH) or not has_catalogue(code):
        return None
    try:
        info = translation.get_language_info(code)
    except KeyError:
        info = {"name_local": language.name, "bidi": False}
    return SheetLanguage(code, language.name, info["name_local"], info["bidi"])


def untranslated_name(referral):
    """The resident's language when the sheet has no translation into it."""
    language = referral.language
    if language is None or for_referral(referral) is not None:
        return ""
    code = (language.code or "").lower()
    return "" if code.startswith(ENGLISH) else language.name
