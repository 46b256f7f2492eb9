"""The cast and the records that the permission matrix walks the admin
with: a coordinator, an editor of Partner A (which owns a listing, a course
with a booking, a referral, a problem report and a note) and a member of
staff at Host B (which hosts a champion), plus one of everything else the
admin's addresses take an id for."""

import io
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupApprovalTask, Site

from champions.models import Skill
from directory import demo
from directory.models import AccessibilityFeature as Feature
from directory.models import (
    Area,
    DirectoryIndexPage,
    Language,
    ListingNote,
    ProblemReport,
    ServiceType,
)
from directory.permissions import TASK_NAME, coordinators_group, listing_approval_workflow
from referrals.models import RoutingRule
from tests.factories import ChampionFactory
from tests.factories.directory import AccessPointPageFactory, OrganisationPageFactory
from tests.factories.learning import LearningResourceFactory, SkillStatementFactory
from tests.factories.referrals import ReferralFactory
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory
from training.framework import ensure_skill_areas
from training.models import SkillArea
from website.models import HomePage, OutgoingEmail, OutgoingText

PASSWORD = "a-long-enough-passphrase-42"


def user(username, *groups):
    person = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    person.groups.add(*groups)
    return person


def organisation(index, title):
    page = OrganisationPageFactory(parent=index, title=title)
    page.refresh_from_db()
    return page


def build():
    demo.taxonomies()
    index = DirectoryIndexPage(title="Find help near you", slug="find-help")
    HomePage.objects.get().add_child(instance=index)
    workflow = listing_approval_workflow(index)
    coordinators = coordinators_group()
    partner_a = organisation(index, "Partner A")
    host_b = organisation(index, "Host B")
    ensure_skill_areas(SkillArea)
    listing = AccessPointPageFactory(parent=partner_a, title="Partner A drop-in")
    listing.save_revision().publish()
    course = CoursePageFactory(parent=partner_a, title="Email for beginners")
    session = SessionFactory(page=course, venue=listing)
    world = SimpleNamespace(
        index=index,
        workflow=workflow,
        task=GroupApprovalTask.objects.get(name=TASK_NAME),
        partner_a=partner_a,
        host_b=host_b,
        listing=listing,
        course=course,
        session=session,
        booking=BookingFactory(session=session),
        referral=ReferralFactory(organisation=partner_a),
        routing_rule=RoutingRule.objects.first() or RoutingRule.objects.create(trigger="no_device"),
        problem_report=ProblemReport.objects.create(
            listing=listing, kind=ProblemReport.Kind.choices[0][0], details="Closed on Mondays."
        ),
        champion=ChampionFactory(host=host_b, status="screening"),
        coordinator=user("coordinator", coordinators),
        partner_editor=user("partner-editor", partner_a.editors_group),
        host_staff=user("host-staff", host_b.editors_group),
        site=Site.objects.get(is_default_site=True),
        redirect=Redirect.objects.create(old_path="/old", redirect_link="/"),
        group=partner_a.editors_group,
        service_type=ServiceType.objects.first(),
        accessibility_feature=Feature.objects.first(),
        language=Language.objects.first() or Language.objects.create(name="Polish", code="pl"),
        area=Area.objects.first() or Area.objects.create(name="Chorley", slug="chorley"),
        skill=Skill.objects.first() or Skill.objects.create(name="Video calls", slug="video-calls"),
        learning_resource=LearningResourceFactory(),
        skill_statement=SkillStatementFactory(area=SkillArea.objects.first()),
    )
    world.note = ListingNote.objects.create(
        listing=listing, text="Ring first.", author=world.coordinator
    )
    world.outgoing_email = OutgoingEmail.objects.create(
        subject="Your booking", from_email="no-reply@example.org", to=["resident@example.org"]
    )
    world.outgoing_text = OutgoingText.objects.create(
        purpose="booking-confirmed", to="+447700900982", body="Your place is booked."
    )
    collection = Collection.objects.get(name="Partner A")
    world.collection = collection
    world.image = get_image_model().objects.create(
        title="Door", file=png_file(), collection=collection
    )
    world.document = get_document_model().objects.create(
        title="Leaflet", file=ContentFile(b"%PDF-1.4\n", name="leaflet.pdf"), collection=collection
    )
    # A change waiting for a coordinator's approval.
    listing.title = "Partner A drop-in (new times)"
    revision = listing.save_revision(user=world.partner_editor)
    world.revision = revision
    world.workflow_state = workflow.start(listing, world.partner_editor)
    world.task_state = world.workflow_state.current_task_state
    return world


def png_file():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="door.png")
