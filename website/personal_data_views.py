"""The coordinators' page for one person's data (Settings > Personal data):
find everything the registers hold for an email address or a UK mobile
number, download it for a subject access request, or erase it. Addresses
and numbers travel only in POST bodies, never in URLs, so they stay out
of server logs."""

import json
import logging

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from website import personal_data
from website.data_subject import Person

logger = logging.getLogger(__name__)
PERMISSION = "website.manage_personal_data"
NEITHER = "Enter an email address or a UK mobile number, like name@example.org or 07700 900 982."


class PersonForm(forms.Form):
    who = forms.CharField(
        label="Email address or UK mobile number",
        max_length=254,
        error_messages={"required": "Enter the person's email address or UK mobile number."},
    )
    confirm = forms.BooleanField(
        required=False, label="I have checked that this is the person who asked"
    )

    def clean_who(self):
        person = Person.typed(self.cleaned_data["who"])
        if person is None:
            raise forms.ValidationError(NEITHER, code="invalid")
        return person


def person_data(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = PersonForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        who = form.cleaned_data["who"]
        action = request.POST.get("action", "find")
        if action == "download":
            return _download(who)
        if action == "erase":
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", "Tick the box to confirm before erasing.")
            else:
                counts = personal_data.erase(who)
                total = sum(counts.values())
                logger.info("User %s erased %s records for one person", request.user.pk, total)
                messages.success(request, f"Erased the person's details from {total} records.")
                return redirect(request.path)
        found = personal_data.find(who)
    return TemplateResponse(
        request, "website/admin/person_data.html", {"form": form, "found": found}
    )


def _download(who):
    known_by = {"email": who.email} if who.email else {"mobile": who.mobile}
    data = {**known_by, "records": personal_data.find(who)}
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
    return response
