"""The course page's admin form: checks that ask for the course's format
and its sessions together, which neither model can see alone."""

from wagtail.admin.forms import WagtailAdminPageForm

VENUE_NEEDED = "An in-person course needs a venue for every session."


class CoursePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("format") != self._meta.model.Format.IN_PERSON:
            return cleaned_data
        for form in self.formsets["sessions"].forms:
            if form.empty_permitted and not form.has_changed():
                continue  # a blank extra form, which will not be saved
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            if not form.cleaned_data.get("venue"):
                form.add_error("venue", VENUE_NEEDED)
        return cleaned_data
