"""The skills check inside a referral, at /refer/skills-check/<area>/: the
same statements and answers as /skills-check/, one area a page, kept in the
referral's session draft (referrals/skills_check.py). After the last area
the answers tick the skills barriers and staff are back on the details
page, where everything typed before is still there. Every page is
never_cache: it shows a resident's answers."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from learning import skills_check
from learning.forms import AreaAnswersForm
from website import public_sessions

from . import skills_check as referral_skills
from .draft import DRAFT, is_self


def step_url(area):
    return reverse("referral_skills_step", args=[area.slug])


@never_cache
def first_step(request):
    """The first area not yet answered (the first area for a new check)."""
    draft = public_sessions.read(request, DRAFT)
    if not draft.get("mode"):
        return redirect("referral_start")
    areas = skills_check.check_areas()
    if not areas:
        return redirect("referral_details")
    missing = skills_check.first_unanswered(areas, referral_skills.answers(draft))
    return redirect(step_url(missing or areas[0]))


# Error reports never include a resident's answers.
@never_cache
@sensitive_post_parameters()
def step(request, slug):
    draft = public_sessions.read(request, DRAFT)
    if not draft.get("mode"):
        return redirect("referral_start")
    areas = skills_check.check_areas()
    number, area = skills_check.area_named(areas, slug)
    if area is None:
        raise Http404("No such step")
    if request.method == "POST":
        form = AreaAnswersForm(request.POST, area=area)
        if form.is_valid():
            referral_skills.keep_answers(draft, form.cleaned_data)
            missing = skills_check.first_unanswered(areas, referral_skills.answers(draft))
            if missing is not None and number < len(areas):
                public_sessions.save(request, DRAFT, draft)
                return redirect(step_url(areas[number]))
            if missing is not None:
                public_sessions.save(request, DRAFT, draft)
                return redirect(step_url(missing))
            area_results = referral_skills.results(draft, areas)
            referral_skills.tick_barriers(draft, area_results)
            referral_skills.count_once(draft, area_results)
            public_sessions.save(request, DRAFT, draft)
            return redirect(reverse("referral_details") + "#skills-check-done")
    else:
        given = referral_skills.answers(draft)
        saved = {s.key: given[s.key] for s in area.statements if s.key in given}
        form = AreaAnswersForm(initial=saved, area=area)
    back = step_url(areas[number - 2]) if number > 1 else reverse("referral_details")
    return TemplateResponse(
        request,
        "referrals/skills_step.html",
        {
            "form": form,
            "area": area,
            "number": number,
            "steps": len(areas),
            "back_url": back,
            "self_referral": is_self(draft),
        },
    )
