"""Learning at home at /learn-at-home/: the resources, filtered by skill
area and level with a GET form (no JavaScript needed), and the way out to
each one, /learn-at-home/go/<id>/, which counts a start and redirects to
the link stored for that resource and nowhere else."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from learning.forms import ResourceFilterForm
from learning.links import validate_public_web_address
from learning.models import LearningResource
from learning.starts import count_start
from training.models import SkillArea

PER_PAGE = 20


def learn_at_home(request):
    areas = list(SkillArea.objects.values_list("slug", "name"))
    form = ResourceFilterForm(request.GET, areas=areas)
    chosen_areas, chosen_levels = form.chosen()
    resources = LearningResource.objects.listed().prefetch_related("skill_areas", "languages")
    if chosen_areas:
        resources = resources.for_areas(chosen_areas)
    if chosen_levels:
        resources = resources.filter(level__in=chosen_levels)
    page_obj = Paginator(resources.order_by("title", "pk"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return TemplateResponse(
        request,
        "learning/learn_at_home.html",
        {
            "form": form,
            "page_obj": page_obj,
            "resources": list(page_obj.object_list),
            "filtered": bool(chosen_areas or chosen_levels),
        },
    )


@never_cache
def go(request, pk):
    """Every visit counts, so it is never answered from a cache."""
    resource = get_object_or_404(LearningResource.objects.listed(), pk=pk)
    # Only the stored link, and only while it is a public web address
    # (learning/links.py; checked when saved, and again here in case a row
    # was written some other way); nothing from the request is redirected to.
    try:
        validate_public_web_address(resource.url)
    except ValidationError:
        raise Http404("No such resource") from None
    count_start(resource)
    return HttpResponseRedirect(resource.url)
