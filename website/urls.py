from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from directory import shortlist_views
from website import views
from website.admin_password_reset import LimitedPasswordResetView

urlpatterns = [
    # Before Wagtail's admin URLs, so this limited view answers for its form.
    path(
        "admin/password_reset/",
        LimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", views.search, name="search"),
    path("brand.css", views.brand_css, name="brand_css"),
    path("champions/", include("champions.urls")),
    path("shortlist/change/", shortlist_views.change, name="shortlist_change"),
    path("refer/", include("referrals.urls")),
    # /skills-check/ and /learn-at-home/.
    path("", include("learning.urls")),
    path("api/oruk/", include("openreferral.urls")),
    path("open-data/", include("directory.open_data_urls")),
    # Short links to one booking, for texts (training/short_links.py).
    path("b/", include("training.short_link_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
