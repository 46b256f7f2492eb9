"""StreamField blocks for the brand site. Each block is defined once, with an
icon, a description and a preview value, so editors see what they add."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class LinkStructValue(blocks.StructValue):
    @property
    def href(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("url") or ""

    @property
    def text(self):
        page = self.get("page")
        return self.get("label") or (page.title if page else self.get("url"))


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to an address elsewhere, never both."""

    label = blocks.CharBlock(
        required=False, max_length=80, help_text="Leave blank to use the page's title."
    )
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(
        required=False,
        max_length=500,
        label="Address",
        help_text="A full web address (https://…) or a path on this site (/find-help/).",
    )

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page == has_url:
            message = "Choose a page or give an address, not both."
            if not has_page:
                message = "Choose a page or give an address."
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        url = value.get("url") or ""
        if url and not url.startswith(("https://", "http://", "/", "mailto:", "tel:")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ErrorList(
                        [ValidationError("Start the address with https://, / or mailto:.")]
                    )
                }
            )
        if not has_page and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "label": ErrorList([ValidationError("Give the link text for an address.")])
                }
            )
        return value

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        description = "A link to a page on this site or another address"
        preview_value = {"label": "Find help near you", "url": "/find-help/"}
        form_layout = ["label", "page", "url"]


class ImageWithAltBlock(blocks.StructBlock):
    """An image whose text alternative is required: screen-reader users get
    the same information as everyone else."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/streamfield/image.html"
        description = "An image with required alternative text and an optional caption"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "components/streamfield/call_to_action.html"
        description = "A short panel with a heading, a sentence and a button"
        preview_value = {
            "heading": "Become a digital champion",
            "text": "Give an hour a week to help your neighbours get online.",
            "link": {"label": "Sign up", "url": "/champions/join/"},
        }


class AccordionItemBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150)
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])


class AccordionBlock(blocks.StructBlock):
    """GOV.UK accordion: questions and answers. Without JavaScript every
    section is shown open, so nothing is hidden from anyone."""

    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/accordion.html"
        description = "Questions and answers that open one at a time"
        preview_value = {
            "heading": "Questions",
            "items": [
                {"heading": "Is it free?", "body": "<p>Yes, all our help is free.</p>"},
                {"heading": "Do I need to book?", "body": "<p>No, just drop in.</p>"},
            ],
        }


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "link"])

    class Meta:
        icon = "openquote"
        template = "components/streamfield/inset_text.html"
        description = "Text set apart from the content around it, such as a quotation or note"
        preview_value = {"text": "<p>Bring photo ID if you want to borrow a device.</p>"}


class WarningTextBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)

    class Meta:
        icon = "warning"
        template = "components/streamfield/warning_text.html"
        description = "An important warning, shown with a warning sign"
        preview_value = {"text": "Never share your bank PIN with anyone who calls you."}


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)

    class Meta:
        icon = "title"
        template = "components/streamfield/heading.html"
        description = "A section heading; it appears in the page's outline for screen readers"
        preview_value = {"text": "How to get involved"}


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        template="components/streamfield/paragraph.html",
        description="Text with links and lists",
        preview_value="<p>Our partners offer free help to get online across the area.</p>",
    )
    image = ImageWithAltBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()


class FooterLinksBlock(blocks.StreamBlock):
    link = LinkBlock()
