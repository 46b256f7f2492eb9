"""The public referral flow at /refer/: start (consent first), details,
check your answers, confirmation and a printable next-steps sheet. What
has been typed lives in the session until the referral is sent, so going
back, changing an answer or hitting an error loses nothing."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.datastructures import MultiValueDict
from django.utils.dateparse import parse_datetime
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from learning import skills_check
from website import mobile_numbers, public_sessions
from website.database_faults import DATABASE_UNAVAILABLE, NOT_SAVED, NOT_SAVED_STATUS
from website.form_protection import HONEYPOT_FIELD, over_limit
from website.models import BrandSettings

from . import choices, intake, notifications, sheet_language, sheet_links, text_messages
from . import skills_check as referral_skills
from .draft import DRAFT, is_self
from .forms import CONSENT_WORDING, DetailsForm, StartForm
from .models import Referral

DONE = "referral_done"
# Referrals one internet address may send in an hour: enough for a busy
# advice desk on shared wifi, too few for a flood.
REFERRALS_PER_HOUR = 20
# The details form's second button: go through the skills check first.
SKILLS_CHECK_ACTION = "skills-check"
TOO_MANY = (
    "Sorry, we have had a lot of referrals from your internet connection in the last hour. "
    "Please try again in an hour. Nothing you typed has been lost."
)


@never_cache
def start(request):
    draft = public_sessions.read(request, DRAFT)
    if "to" in request.GET:
        place = intake.requested_place(request.GET["to"])
        draft["to"] = place.pk if place else None
        public_sessions.save(request, DRAFT, draft)
    if request.method == "POST":
        form = StartForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["consent"] != "yes":
                return redirect("referral_no_consent")
            draft.update(
                mode=form.cleaned_data["mode"],
                consent_text=CONSENT_WORDING,
                consented_at=timezone.now().isoformat(),
            )
            public_sessions.save(request, DRAFT, draft)
            return redirect("referral_details")
    else:
        initial = {"mode": draft.get("mode"), "consent": "yes" if draft.get("mode") else None}
        form = StartForm(initial=initial)
    return TemplateResponse(
        request,
        "referrals/start.html",
        {"form": form, "place": intake.requested_place(draft.get("to"))},
    )


def no_consent(request):
    return TemplateResponse(request, "referrals/no_consent.html", {})


# Error reports never include what people typed about a resident.
@never_cache
@sensitive_post_parameters()
def details(request):
    draft = public_sessions.read(request, DRAFT)
    if not draft.get("mode"):
        return redirect("referral_start")
    areas = skills_check.check_areas()
    offer = bool(areas)
    if request.method == "POST":
        form = DetailsForm(request.POST, mode=draft["mode"], offer_skills_check=offer)
        if offer and request.POST.get("action") == SKILLS_CHECK_ACTION:
            # Off to the skills check: what is typed so far waits in the
            # draft, checked only when they continue from this page.
            draft["details"] = typed_details(request, form)
            public_sessions.save(request, DRAFT, draft)
            return redirect("referral_skills_check")
        if form.is_valid():
            draft["details"] = typed_details(request, form)
            public_sessions.save(request, DRAFT, draft)
            return redirect("referral_check")
    else:
        form = DetailsForm(
            initial=saved_initial(draft), mode=draft["mode"], offer_skills_check=offer
        )
    return TemplateResponse(
        request,
        "referrals/details.html",
        {
            "form": form,
            "self_referral": is_self(draft),
            "skills_rows": skills_rows(referral_skills.results(draft, areas)),
            "skills_check_url": reverse("referral_skills_check"),
        },
    )


def typed_details(request, form):
    """Only the form's own fields: anything else a client sends is not
    kept in the session."""
    return {
        name: request.POST.getlist(name)
        for name in form.fields
        if name != HONEYPOT_FIELD and name in request.POST
    }


@never_cache
@sensitive_post_parameters()
def check(request):
    draft = public_sessions.read(request, DRAFT)
    form = saved_form(draft)
    if form is None or not form.is_valid():
        return redirect("referral_details" if draft.get("mode") else "referral_start")
    error = ""
    status = 200
    area_results = referral_skills.results(draft)
    if request.method == "POST":
        if over_limit(request, "referral", REFERRALS_PER_HOUR, window_seconds=3600):
            error = TOO_MANY
        else:
            try:
                referral, _ = intake.submit(
                    draft["mode"],
                    draft["consent_text"],
                    parse_datetime(draft["consented_at"]),
                    form.cleaned_data,
                    intake.requested_place(draft.get("to")),
                    skills=referral_skills.summary(area_results or []),
                )
            except DATABASE_UNAVAILABLE:
                # Nothing was saved and the draft stays in the session, so
                # sending again from this page sends it all.
                error, status = NOT_SAVED, NOT_SAVED_STATUS
            else:
                notifications.confirm_to_sender(
                    referral, BrandSettings.for_request(request).partnership_name
                )
                notifications.tell_receiver(referral)
                text_messages.next_steps(referral)
                request.session.pop(DRAFT, None)
                public_sessions.save(request, DONE, {"pk": referral.pk})
                return redirect("referral_done")
    return TemplateResponse(
        request,
        "referrals/check.html",
        {
            "rows": answer_rows(form, draft, skills_rows(area_results)),
            "error": error,
            "self_referral": is_self(draft),
            "place": intake.requested_place(draft.get("to")),
        },
        status=status,
    )


@never_cache
def done(request):
    referral = finished_referral(request)
    if referral is None:
        return redirect("referral_start")
    context = sheet_context(referral) | {
        "language": sheet_language.for_referral(referral),
        "untranslated": sheet_language.untranslated_name(referral),
    }
    return TemplateResponse(request, "referrals/done.html", context)


@never_cache
def next_steps(request):
    referral = finished_referral(request)
    if referral is None:
        return redirect("referral_start")
    return sheet(request, referral, back_url=reverse("referral_done"))


@never_cache
def next_steps_by_link(request, token):
    """The sheet from the link in the resident's text: no sign-in, and a
    404 for a link that was changed, is too old or whose referral was
    erased (sheet_links.py)."""
    referral = sheet_links.referral_for(token)
    if referral is None:
        raise Http404("No such next-steps sheet")
    response = sheet(request, referral)
    response["X-Robots-Tag"] = "noindex"
    return response


def sheet(request, referral, back_url=""):
    language = sheet_language.for_referral(referral)
    in_english = language is None or request.GET.get("in") == sheet_language.ENGLISH
    context = sheet_context(referral) | {
        "back_url": back_url,
        "language": language,
        "in_other_language": not in_english,
        "untranslated": sheet_language.untranslated_name(referral),
    }
    response = TemplateResponse(request, "referrals/next_steps.html", context)
    # Rendered now, while the resident's language is active (a
    # TemplateResponse would otherwise render after the override ends).
    with translation.override(sheet_language.ENGLISH if in_english else language.code):
        return response.render()


# The session draft.


def saved_form(draft):
    if not draft.get("mode") or "details" not in draft:
        return None
    return DetailsForm(MultiValueDict(draft["details"]), mode=draft["mode"])


def saved_initial(draft):
    """What was typed before, to fill the form in again."""
    initial = {}
    for name, values in draft.get("details", {}).items():
        field = DetailsForm.base_fields.get(name)
        many = getattr(field and field.widget, "allow_multiple_selected", False)
        initial[name] = values if many else values[-1]
    return initial


def finished_referral(request):
    """The referral this browser has just sent, and no other."""
    pk = public_sessions.read(request, DONE).get("pk")
    return Referral.objects.select_related("organisation").filter(pk=pk).first() if pk else None


def row(key, value, href):
    return {"key": key, "value": value, "href": href}


def skills_rows(area_results):
    """Where they are in each area, in words, from a finished skills
    check (each changed on its own step); none without one."""
    return [
        row(
            f"Skills check: {result.area.name}",
            result.standing.name,
            reverse("referral_skills_step", args=[result.area.slug]),
        )
        | {"area": result.area.name}
        for result in area_results or ()
    ]


def answer_rows(form, draft, skills=()):
    """(question, answer, change link) for check your answers; a finished
    skills check's areas follow what stops them getting online."""
    data = form.cleaned_data
    details_url = reverse("referral_details")
    rows = [
        row(
            "Who the referral is for",
            "Me" if is_self(draft) else "Someone I support",
            reverse("referral_start"),
        ),
    ]
    for name, field in form.fields.items():
        if name == HONEYPOT_FIELD:
            continue
        value = data.get(name)
        if name in ("barriers", "goals", "preferred_support", "available_times"):
            source = dict(field.choices)
            answer = ", ".join(str(source[v]) for v in value) if value else "Not given"
        elif name == "available_days":
            answer = ", ".join(choices.labels(choices.WEEKDAYS, value)) or "Any day"
        elif name == "accessibility_needs":
            answer = ", ".join(term.name for term in value) if value else "None"
        elif name == "wants_texts":
            answer = f"Yes, to {mobile_numbers.for_people(data['texts_to'])}" if value else "No"
        elif name in ("contact_method", "age_band", "referrer_kind"):
            answer = dict(field.choices).get(value, "Not given") if value else "Not given"
        else:
            answer = str(value) if value else "Not given"
        rows.append(row(str(field.label).replace(" (optional)", ""), answer, details_url))
        if name == "barriers":
            rows.extend(skills)
    return rows


def sheet_context(referral):
    places = [match for match in referral.matches if match["kind"] == "place"]
    courses = [match for match in referral.matches if match["kind"] == "course"]
    for match in places + courses:
        match["because"] = "; ".join(match["reasons"])
    return {
        "referral": referral,
        "places": places,
        "courses": courses,
        "notes": referral.eligibility,
        "self_referral": referral.mode == Referral.Mode.SELF,
        "working_days": notifications.WORKING_DAYS_TO_CONTACT,
    }
