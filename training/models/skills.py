"""The skill areas a course teaches, from the Essential Digital Skills
framework (see framework.py)."""

from directory.models.taxonomy import TaxonomyTerm


class SkillArea(TaxonomyTerm):
    """One of the framework's six skill areas. A table rather than fixed
    choices so that courses can be filtered by it with a join (search comes
    later) and so that it is described in the same way as the directory's
    lists."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "skill area"
