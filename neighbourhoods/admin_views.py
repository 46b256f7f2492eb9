"""The coordinators' imports in the admin (Where help is needed > Load
data): upload a boundaries or indicator file, see what would change and
what was rejected and why, then confirm. The same reading and writing as
`import_areas` and `import_indicator` (boundaries.py, indicator_file.py,
imports.py); nothing changes until the confirmation, and then all or
nothing. What the preview was of travels signed, so a tampered form is
refused."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from directory.permissions import sees_everything
from neighbourhoods import reach, uploads
from neighbourhoods.admin_forms import AreasUploadForm, IndicatorUploadForm
from neighbourhoods.boundaries import read_boundaries
from neighbourhoods.import_rules import ImportFileError
from neighbourhoods.imports import apply_areas, apply_indicator, plan_areas, plan_indicator
from neighbourhoods.indicator_file import read_indicator
from neighbourhoods.models import Area, AreaSet, Indicator, WhereHelpIsNeededPage

FORMS = {"areas": AreasUploadForm, "indicator": IndicatorUploadForm}
TITLES = {"areas": "Load neighbourhood boundaries", "indicator": "Load an indicator"}
SIGNING_SALT = "neighbourhoods.upload"
SHOWN = 50  # codes and rejections listed in the preview


def coordinators_only(request, kind):
    if not sees_everything(request.user):
        raise PermissionDenied
    if kind not in FORMS:
        raise Http404("No such import")


def read(kind, source, details):
    """(what the file holds, the plan) for an upload; raises ImportFileError."""
    if kind == "areas":
        boundary_file = read_boundaries(source)
        return boundary_file, plan_areas(details["set_name"], boundary_file)
    area_set = AreaSet.objects.filter(pk=details["area_set"]).first()
    if area_set is None:
        raise ImportFileError("That set of areas has been removed since.")
    known = set(Area.objects.filter(area_set=area_set).values_list("code", flat=True))
    indicator_file = read_indicator(source, known, details["value_column"])
    return indicator_file, plan_indicator(area_set, details["name"], indicator_file)


def changes(kind, plan):
    """The preview's lines: what will change, a few codes each."""
    noun = "area" if kind == "areas" else "figure"
    lines = [
        (f"new {noun}s", plan.added),
        (f"changed {noun}s", plan.changed),
    ]
    shown = [
        {
            "text": f"{len(codes):,} {label}",
            "codes": ", ".join(codes[:SHOWN]),
            "more": max(0, len(codes) - SHOWN),
        }
        for label, codes in lines
    ]
    shown.append({"text": f"{plan.unchanged:,} unchanged", "codes": "", "more": 0})
    if plan.removed:
        shown.append(
            {
                "text": f"{plan.removed:,} earlier figures removed (areas not in the file)",
                "codes": "",
                "more": 0,
            }
        )
    return shown


def index(request):
    coordinators_only(request, "areas")
    return TemplateResponse(
        request,
        "neighbourhoods/admin/index.html",
        {
            "area_sets": AreaSet.objects.all(),
            "indicators": Indicator.objects.select_related("area_set"),
            "page": WhereHelpIsNeededPage.objects.live().first(),
        },
    )


def upload(request, kind):
    coordinators_only(request, kind)
    form = FORMS[kind](request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        details = form.details()
        key = uploads.keep(form.cleaned_data["file"])
        try:
            with uploads.open_upload(uploads.path_of(key)) as source:
                _, plan = read(kind, source, details)
        except ImportFileError as error:
            uploads.remove(uploads.path_of(key))
            form.add_error("file", f"{error} Nothing was changed.")
        else:
            return TemplateResponse(
                request,
                "neighbourhoods/admin/preview.html",
                {
                    "title": TITLES[kind],
                    "kind": kind,
                    "plan": plan,
                    "changes": changes(kind, plan),
                    "rejections": plan.rejections[:SHOWN],
                    "more_rejections": max(0, len(plan.rejections) - SHOWN),
                    "details": details,
                    "file_name": form.cleaned_data["file"].name,
                    "signed": signing.dumps({"key": key, **details}, salt=SIGNING_SALT),
                },
            )
    return TemplateResponse(
        request,
        "neighbourhoods/admin/upload.html",
        {"title": TITLES[kind], "form": form, "kind": kind},
    )


@require_POST
def confirm(request, kind):
    coordinators_only(request, kind)
    try:
        details = signing.loads(request.POST.get("signed", ""), salt=SIGNING_SALT)
    except signing.BadSignature:
        raise Http404("No such upload") from None
    name = uploads.path_of(details.pop("key"))
    if name is None:
        messages.error(request, "That upload has expired or was already loaded: upload it again.")
        return redirect("neighbourhoods_upload", kind=kind)
    try:
        with uploads.open_upload(name) as source:
            found, _ = read(kind, source, details)
    except ImportFileError as error:  # the areas changed since the preview
        messages.error(request, f"{error} Nothing was changed.")
        return redirect("neighbourhoods_upload", kind=kind)
    if kind == "areas":
        area_set, plan = apply_areas(
            details["set_name"],
            found,
            source=details["source"],
            licence=details["licence"],
            attribution=details["attribution"],
        )
    else:
        area_set = AreaSet.objects.get(pk=details["area_set"])
        _, plan = apply_indicator(
            area_set,
            found,
            name=details["name"],
            source=details["source"],
            licence=details["licence"],
            year=details["year"],
            higher_is_worse=details["direction"] == "worse",
        )
    uploads.remove(name)
    reach.refresh(area_set)
    messages.success(request, f"Loaded into {area_set.name}: {plan.summary()}")
    return redirect(reverse("neighbourhoods_index"))
