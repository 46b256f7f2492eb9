import pytest
from django.core.exceptions import ValidationError

from website.brand_colour import contrast_ratio, darken
from website.models import BrandSettings, NavigationSettings


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # GOV.UK blue on white is 5.17:1.
    assert contrast_ratio("#1d70b8", "#ffffff") == pytest.approx(5.17, abs=0.01)


def test_darken_moves_towards_black():
    assert darken("#ffffff", 0.5) == "#808080"
    assert darken("#000000") == "#000000"


@pytest.mark.django_db
def test_brand_colour_too_light_for_white_text_is_refused(demo_site):
    brand = BrandSettings.for_site(demo_site)
    brand.brand_colour = "#ffdd00"
    with pytest.raises(ValidationError) as error:
        brand.full_clean()
    assert "contrast" in error.value.message_dict["brand_colour"][0]


@pytest.mark.django_db
def test_brand_colour_must_be_a_hex_colour(demo_site):
    brand = BrandSettings.for_site(demo_site)
    brand.brand_colour = "teal"
    with pytest.raises(ValidationError) as error:
        brand.full_clean()
    assert "#1a2b3c" in error.value.message_dict["brand_colour"][0]


@pytest.mark.django_db
def test_changing_brand_settings_changes_every_page(client, demo_site):
    brand = BrandSettings.for_site(demo_site)
    brand.partnership_name = "Connect Preston"
    brand.brand_colour = "#4c2c92"
    brand.contact_phone = "01632 960123"
    brand.save()
    html = client.get("/about/").content.decode()
    assert "Connect Preston" in html
    assert "01632 960123" in html
    assert "brand.css?v=4c2c92" in html
    css = client.get("/brand.css?v=4c2c92")
    assert css["Content-Type"].startswith("text/css")
    assert "--brand-colour:#4c2c92" in css.content.decode()
    assert "max-age=31536000" in css["Cache-Control"]


@pytest.mark.django_db
def test_brand_css_with_stale_version_is_cached_briefly(client, demo_site):
    response = client.get("/brand.css?v=000000")
    assert "max-age=300" in response["Cache-Control"]


@pytest.mark.django_db
def test_main_navigation_is_editable_and_marks_the_current_page(client, demo_site):
    navigation = NavigationSettings.for_site(demo_site)
    navigation.main_navigation = [
        {"type": "link", "value": {"label": "Partners only", "page": None, "url": "/about/"}}
    ]
    navigation.save()
    html = client.get("/about/").content.decode()
    assert "Partners only" in html
    assert 'aria-current="page"' in html
    assert (
        "Digital champions" not in html.split("govuk-service-navigation__list")[1].split("</ul>")[0]
    )


def test_link_block_needs_exactly_one_destination():
    from wagtail.blocks import StructBlockValidationError

    from website.blocks import LinkBlock

    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Nowhere", "page": None, "url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Bad", "page": None, "url": "javascript:alert(1)"}))
    value = block.clean(block.to_python({"label": "Help", "page": None, "url": "/get-help/"}))
    assert value.href == "/get-help/"
