"""The directory's index page and the partner organisations under it. Each
organisation's subtree is what its editors may change (see permissions.py)."""

from django.contrib.auth.models import Group
from django.db import models
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from website.page_routes import page_routes


class DirectoryIndexPage(RoutablePageMixin, Page):
    """The search page residents and staff use to find help near them. Its
    children are the partner organisations."""

    intro = models.TextField(max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["directory.OrganisationPage"]
    max_count = 1

    def get_template(self, request, *args, **kwargs):
        return "directory/directory_index_page.html"

    @path("")
    def search(self, request):
        from website.form_protection import SEARCH_TOO_MANY, searches_over_limit

        if request.GET and searches_over_limit(request):
            return TemplateResponse(
                request,
                "directory/search_limited.html",
                {"page": self, "message": SEARCH_TOO_MANY},
                status=429,
            )
        return self.render(request)

    @path("shortlist/", name="shortlist")
    def shortlist(self, request):
        return page_routes("directory").shortlist_view(request, self)

    @property
    def shortlist_url(self):
        return self.url + self.reverse_subpage("shortlist")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_routes("directory").directory_search_context(request, self))
        return context


class OrganisationPage(Page):
    """A partner: a council, library service, charity or other group that
    offers help. Its access points (and courses) live under it."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        LIBRARY = "library", "Library service"
        CHARITY = "charity", "Charity"
        HOUSING = "housing", "Housing provider"
        COMMUNITY = "community", "Community or faith group"
        SOCIAL_ENTERPRISE = "social_enterprise", "Social enterprise"
        BUSINESS = "business", "Business"
        OTHER = "other", "Other"

    summary = models.CharField(max_length=250, help_text="One sentence: who you are.")
    description = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CHARITY)
    charity_number = models.CharField(max_length=20, blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepts_referrals = models.BooleanField(
        default=True, help_text="Whether residents can be referred to this organisation."
    )
    editors_group = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organisation",
        help_text="The group whose members edit this organisation's listings.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("charity_number"),
            ],
            heading="Contact",
        ),
        FieldPanel("accepts_referrals"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = ["directory.AccessPointPage", "training.CoursePage"]
    # A copy is a new organisation: it gets its own editors group.
    exclude_fields_in_copy = ["editors_group"]

    def get_context(self, request, *args, **kwargs):
        from directory.models.access_points import AccessPointPage

        context = super().get_context(request, *args, **kwargs)
        context["access_points"] = list(
            AccessPointPage.objects.child_of(self)
            .live()
            .public()
            .select_related("area")
            .prefetch_related("services")
            .order_by("title")
        )
        return context

    def pages_showing_this(self):
        """Pages other than its ancestors that show what it says: its places
        and courses carry its name. A CDN is told to forget them when it
        changes (website/cdn_purge.py)."""
        return self.get_children().live().specific()
