"""Build a believable demo site for a sample partnership. Idempotent: pages
that already exist (by slug) are left alone, and brand settings are filled
only while they still hold their defaults."""

import datetime

import factory.random
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from tests.factories import (
    ContentPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    link_value,
    rich_text_block,
)
from website import demo_content
from website.models import BrandSettings, DataProtectionSettings, HomePage, NavigationSettings
from website.models.brand import DEFAULT_BRAND_COLOUR
from website.reference_updates import references_indexed_at_end

SEED = 20261125


class Command(BaseCommand):
    help = "Create demo content for a sample partnership (safe to run more than once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the site already has a home page of ours.",
        )

        parser.add_argument(
            "--brand-only",
            action="store_true",
            help="Only the brand site, without other apps' demo content (for fast tests).",
        )

    def handle(self, *args, if_empty=False, brand_only=False, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write("Demo content not loaded: the site already has content.")
            return
        factory.random.reseed_random(SEED)
        # Wagtail's reference index ("usage") is brought up to date once at the
        # end, for what this run saved: pages are saved several times as they
        # are made, and rebuilding the whole index took minutes on a big site.
        with transaction.atomic(), references_indexed_at_end():
            home = self.home_page()
            pages = self.content_pages(home)
            self.news(home)
            self.settings(home, pages)
            # Each app that has demo content adds it (website imports none of them).
            for app_config in apps.get_app_configs():
                if not brand_only and hasattr(app_config, "seed_demo"):
                    app_config.seed_demo(home, self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))

    def child(self, parent, slug):
        return parent.get_children().filter(slug=slug).specific().first()

    def home_page(self):
        home = HomePage.objects.first()
        if home is None:
            root = self.tree_root()
            home = HomePageFactory(
                parent=root,
                slug="get-online",
                body=[rich_text_block(demo_content.HOME_ABOUT)],
                **demo_content.HOME,
            )
            site = Site.objects.filter(is_default_site=True).first()
            if site is None:
                site = Site(hostname="localhost", port=80, is_default_site=True)
            previous_root = site.root_page_id
            site.root_page = home
            site.site_name = demo_content.PARTNERSHIP["partnership_name"]
            site.save()
            # Wagtail's installer leaves a placeholder "Welcome" page; it is
            # unreachable once the site points at the real home page.
            placeholder = Page.objects.filter(pk=previous_root, depth=2).first()
            if placeholder and placeholder.specific_class is Page:
                placeholder.delete()
        return home

    def tree_root(self):
        """The page tree's root, recreated if the database was flushed (as
        transactional tests do) after Wagtail's migrations made it."""
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(title="Root", slug="root")
        return root

    def content_page(self, parent, slug, title, intro, paragraphs):
        page = self.child(parent, slug)
        if page is None:
            page = ContentPageFactory(
                parent=parent,
                slug=slug,
                title=title,
                intro=intro,
                body=[rich_text_block(html) for html in paragraphs]
                + demo_content.EXTRA_BLOCKS.get(slug, []),
            )
        return page

    def content_pages(self, home):
        pages = {
            slug: self.content_page(home, slug, *spec)
            for slug, spec in demo_content.CONTENT_PAGES.items()
        }
        self.content_page(pages["get-involved"], *demo_content.NETWORK_PAGE)
        for spec in (demo_content.ACCESSIBILITY_STATEMENT, demo_content.PRIVACY_NOTICE):
            pages[spec[0]] = self.content_page(home, *spec)
        self.home_actions(home, pages)
        return pages

    def home_actions(self, home, pages):
        if len(home.actions) == 3:
            return
        home.actions = [
            {"type": "action", "value": value}
            for value in (
                {
                    "heading": "Find help near you",
                    "text": "Free wifi, computers to use, devices to borrow and friendly help.",
                    "link": link_value("Find help near you", "/find-help/"),
                },
                {
                    "heading": "Refer someone",
                    "text": "For staff and volunteers: pass someone to a partner who will help.",
                    "link": link_value("Refer someone", page=pages["refer-someone"]),
                },
                {
                    "heading": "Become a digital champion",
                    "text": "Give an hour a week to help your neighbours get online.",
                    "link": link_value("Become a digital champion", "/champions/join/"),
                },
            )
        ]
        home.save_revision().publish()

    def news(self, home):
        index = self.child(home, "news") or NewsIndexPageFactory(parent=home)
        today = timezone.localdate()
        for title, days_ago, intro, body in demo_content.NEWS:
            if not index.get_children().filter(title=title).exists():
                NewsPageFactory(
                    parent=index,
                    title=title,
                    date=today - datetime.timedelta(days=days_ago),
                    intro=intro,
                    body=[rich_text_block(body)],
                )

    def settings(self, home, pages):
        site = home.get_site()
        brand = BrandSettings.for_site(site)
        if brand.partnership_name == BrandSettings._meta.get_field("partnership_name").default:
            for field, value in demo_content.PARTNERSHIP.items():
                setattr(brand, field, value)
            brand.brand_colour = DEFAULT_BRAND_COLOUR
            brand.footer_links = [
                {"type": "link", "value": link_value(page=pages[slug])}
                for slug in ("accessibility-statement", "privacy-notice", "about")
            ]
            brand.social_links = [
                {"type": "link", "value": link_value("Facebook", "https://facebook.example.org/")},
            ]
            brand.save()
        data_protection = DataProtectionSettings.load()
        if data_protection.privacy_notice is None:
            data_protection.privacy_notice = pages["privacy-notice"]
            data_protection.save()
        navigation = NavigationSettings.for_site(site)
        if not navigation.main_navigation:
            navigation.main_navigation = [
                {"type": "link", "value": link_value(label, "" if page else url, page=page)}
                for label, page, url in (
                    ("Find help", None, "/find-help/"),
                    ("Refer someone", pages["refer-someone"], ""),
                    ("Digital champions", pages["digital-champions"], ""),
                    ("Get involved", pages["get-involved"], ""),
                    ("News and events", self.child(home, "news"), ""),
                )
            ]
            navigation.save()
