"""The open downloads' pages: what is on offer and under which licence
(/open-data/), and the files themselves. Thin: the datasets and their
caching are in open_data.py."""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from directory import open_data
from directory.models import DirectoryIndexPage
from website.models import BrandSettings, OpenDataSettings

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}
BROWSER_CACHE_SECONDS = 300


def licence_for(request):
    settings = OpenDataSettings.load(request_or_site=request)
    attribution = settings.attribution or (
        f"Contains data from {BrandSettings.for_request(request).partnership_name}."
    )
    return open_data.Licence(settings.licence_name, settings.licence_url, attribution)


@require_safe
def open_data_page(request):
    downloads = [
        {
            "dataset": dataset,
            "csv_url": reverse("open_data_csv", kwargs={"name": dataset.name}),
            "json_url": reverse("open_data_json", kwargs={"name": dataset.name}),
            "columns": [heading for heading, _cell in dataset.columns],
        }
        for dataset in open_data.DATASETS
    ]
    return TemplateResponse(
        request,
        "directory/open_data.html",
        {
            "directory_page": DirectoryIndexPage.objects.live().first(),
            "downloads": downloads,
            "licence": licence_for(request),
        },
    )


@require_safe
def open_data_file(request, name, file_format):
    dataset = open_data.dataset_named(name)
    if dataset is None:
        raise Http404("No such download")
    licence = licence_for(request)
    content = open_data.download(dataset, file_format, licence, request.build_absolute_uri("/"))
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    if file_format == "csv":
        response["Content-Disposition"] = f'attachment; filename="{dataset.name}.csv"'
    # Anyone may reuse the data, from any web page, under the licence.
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = f'<{licence.url}>; rel="license"'
    patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
    return response
