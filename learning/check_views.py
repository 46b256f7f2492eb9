"""The skills check at /skills-check/: a start page, one page of questions
per area ("Step 2 of 6"), then the result with next steps. Answers live in
the session's draft (website/public_sessions.py: gone when the browser
closes or after half an hour idle), so Back, changing an answer or an
error loses nothing, and nothing about the resident is stored unless they
email themselves the result. Every page is never_cache: the page cache
(website/page_cache.py) must not keep a page that shows someone's answers."""

from django.core.mail import send_mail
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from directory import shortlist
from directory.models import DirectoryIndexPage
from learning import check_record, result_text, skills_check
from learning.forms import AreaAnswersForm, PostcodeForm, ResultEmailForm
from learning.next_steps import next_steps, venue_ids
from website import public_sessions
from website.form_protection import over_limit

DRAFT = "skills_check"
EMAILS_PER_HOUR = 5
TOO_MANY_EMAILS = "You have sent a lot of emails in the last hour. Try again later."


def step_url(area):
    return reverse("skills_check_step", args=[area.slug])


@never_cache
def start(request):
    areas = skills_check.check_areas()
    return TemplateResponse(
        request,
        "learning/check_start.html",
        {"first_url": step_url(areas[0]) if areas else "", "steps": len(areas)},
    )


@never_cache
def step(request, slug):
    areas = skills_check.check_areas()
    number, area = skills_check.area_named(areas, slug)
    if area is None:
        raise Http404("No such step")
    draft = public_sessions.read(request, DRAFT)
    answers = draft.get("answers", {})
    if request.method == "POST":
        form = AreaAnswersForm(request.POST, area=area)
        if form.is_valid():
            answers.update(form.cleaned_data)
            draft["answers"] = answers
            public_sessions.save(request, DRAFT, draft)
            if number < len(areas):
                return redirect(step_url(areas[number]))
            return redirect("skills_check_result")
    else:
        saved = {key: answers[key] for key in (s.key for s in area.statements) if key in answers}
        form = AreaAnswersForm(initial=saved, area=area)
    back = step_url(areas[number - 2]) if number > 1 else reverse("skills_check_start")
    return TemplateResponse(
        request,
        "learning/check_step.html",
        {"form": form, "area": area, "number": number, "steps": len(areas), "back_url": back},
    )


def finished(request):
    """(draft, areas, results) for a check with every area answered, or a
    redirect to the first step still to answer."""
    areas = skills_check.check_areas()
    draft = public_sessions.read(request, DRAFT)
    answers = draft.get("answers", {})
    missing = skills_check.first_unanswered(areas, answers)
    if not areas:
        return None, redirect("skills_check_start")
    if missing is not None:
        return None, redirect(step_url(missing))
    return (draft, areas, skills_check.results(areas, answers)), None


@never_cache
def result(request):
    done, elsewhere = finished(request)
    if elsewhere:
        return elsewhere
    draft, areas, area_results = done
    weakest = skills_check.weakest(area_results)
    if check_record.count_once(draft, weakest):
        public_sessions.save(request, DRAFT, draft)

    source = request.POST if request.method == "POST" else request.GET
    postcode_form = PostcodeForm(source if "postcode" in source else None)
    location = postcode_form.location if postcode_form.is_valid() else None
    steps = next_steps(weakest, location, timezone.localtime())

    email_form = ResultEmailForm(initial={"postcode": location.postcode if location else ""})
    sent_to = ""
    if request.method == "POST":
        email_form = ResultEmailForm(request.POST)
        if over_limit(request, "skills-check-email", EMAILS_PER_HOUR, window_seconds=3600):
            email_form.add_error(None, TOO_MANY_EMAILS)
        elif email_form.is_valid():
            sent_to = email_form.cleaned_data["email"]
            send_mail(
                subject="Your digital skills check",
                message=result_text.as_text(area_results, steps),
                from_email=None,
                recipient_list=[sent_to],
            )
            email_form = ResultEmailForm(initial={"postcode": email_form.cleaned_data["postcode"]})
    return TemplateResponse(
        request,
        "learning/check_result.html",
        {
            "area_results": area_results,
            "steps": steps,
            "postcode_form": postcode_form,
            "email_form": email_form,
            "sent_to": sent_to,
            "location": location,
            "back_url": step_url(areas[-1]),
            "restart_url": reverse("skills_check_start"),
            "shortlist_count": len(venue_ids(steps)),
            "find_help_url": directory_url(),
        },
    )


@never_cache
@require_POST
def save_to_shortlist(request):
    """Add the places the suggested courses meet at to the directory's
    shortlist (kept in the session), then show the shortlist."""
    done, elsewhere = finished(request)
    if elsewhere:
        return elsewhere
    _draft, _areas, area_results = done
    postcode_form = PostcodeForm(request.POST)
    location = postcode_form.location if postcode_form.is_valid() else None
    steps = next_steps(skills_check.weakest(area_results), location, timezone.localtime())
    for pk in venue_ids(steps):
        shortlist.add(request.session, pk)
    index = DirectoryIndexPage.objects.live().first()
    return redirect(index.shortlist_url if index else "skills_check_result")


def directory_url():
    index = DirectoryIndexPage.objects.live().first()
    return index.url if index else ""
