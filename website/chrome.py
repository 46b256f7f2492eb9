"""What every public page's header, menu and footer show (the brand and
navigation settings, with their links resolved to text and addresses), kept
in the cache so that a page does not read both settings and look up every
linked page again on each request.

The snapshot is plain values, so it pickles into a shared cache (Redis in
production) and holds no database objects. It is forgotten when the brand
or navigation settings are saved, when any page is published, unpublished,
moved or deleted (a link's address and text come from the page), and when
the logo image changes; with a shared cache that holds across app servers.
Without one, another process's copy may lag by at most CHROME_SECONDS."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

CHROME_SECONDS = 300
KEY = "website:chrome:{site_id}"


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Logo:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class Chrome:
    partnership_name: str
    tagline: str
    brand_colour: str
    contact_email: str
    contact_phone: str
    logo: Logo | None
    footer_links: tuple[Link, ...]
    social_links: tuple[Link, ...]
    main_navigation: tuple[Link, ...]


def _links(stream):
    return tuple(Link(text=block.value.text, href=block.value.href) for block in stream)


def build(site):
    from website.models import BrandSettings, NavigationSettings

    brand = BrandSettings.for_site(site)
    navigation = NavigationSettings.for_site(site)
    logo = None
    if brand.logo_id:
        rendition = brand.logo.get_rendition("height-48")
        logo = Logo(url=rendition.url, width=rendition.width, height=rendition.height)
    return Chrome(
        partnership_name=brand.partnership_name,
        tagline=brand.tagline,
        brand_colour=brand.brand_colour,
        contact_email=brand.contact_email,
        contact_phone=brand.contact_phone,
        logo=logo,
        footer_links=_links(brand.footer_links),
        social_links=_links(brand.social_links),
        main_navigation=_links(navigation.main_navigation),
    )


def for_request(request):
    """The chrome for the request's site, once per request at most."""
    chrome = getattr(request, "_site_chrome", None)
    if chrome is None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        if site is None:
            site = Site.objects.get(is_default_site=True)
        key = KEY.format(site_id=site.pk)
        chrome = cache.get(key)
        if chrome is None:
            chrome = build(site)
            cache.set(key, chrome, CHROME_SECONDS)
        request._site_chrome = chrome
    return chrome


def _forget():
    from wagtail.models import Site

    cache.delete_many([KEY.format(site_id=pk) for pk in Site.objects.values_list("pk", flat=True)])


def forget(**kwargs):
    """Settings, a page or the logo changed: forget now, and again once the
    change commits, so that a page drawn in between cannot keep the old."""
    _forget()
    transaction.on_commit(_forget)


def connect():
    """Called from WebsiteConfig.ready."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.images import get_image_model
    from wagtail.models import Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from website.models import BrandSettings, NavigationSettings

    for model in (BrandSettings, NavigationSettings, Site, get_image_model()):
        post_save.connect(forget, sender=model, dispatch_uid=f"chrome-save-{model.__name__}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"chrome-delete-{model.__name__}")
    page_published.connect(forget, dispatch_uid="chrome-published")
    page_unpublished.connect(forget, dispatch_uid="chrome-unpublished")
    post_page_move.connect(forget, dispatch_uid="chrome-moved")
    post_delete.connect(_page_deleted, dispatch_uid="chrome-page-deleted")


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        forget()
