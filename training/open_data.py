"""Courses as an open download (see directory/open_data.py): every live,
public course with its upcoming sessions. TrainingConfig.ready() imports
this module; its last line registers the dataset, as training/search.py
registers courses with the directory search.

Sessions say where they are held by the access point's name and town only:
a venue whose exact address is hidden keeps it hidden here too. Places left
are not published (they change with every booking); capacity is."""

from collections import defaultdict

from django.utils import timezone

from directory import open_data
from directory.open_data import Dataset, joined, names_by_page, plain_text, yes_no
from training.models import CoursePage, Session
from training.models.sessions import describe_when

COURSE_FIELDS = (
    "pk",
    "path",
    "url_path",
    "title",
    "summary",
    "description",
    "level",
    "format",
    "cost",
    "cost_note",
    "audience",
    "what_to_bring",
    "is_champion_training",
    "phone",
    "email",
)
SESSION_FIELDS = (
    "pk",
    "page_id",
    "start",
    "end",
    "capacity",
    "venue_id",
    "venue__title",
    "venue__town",
)
LEVELS = dict(CoursePage.Level.choices)
FORMATS = dict(CoursePage.Format.choices)
COSTS = dict(CoursePage.Cost.choices)


def course_records(today, base_url):
    """Plain rows, not pages (see access_point_records). Courses imported
    under a licence that does not allow republishing are left out
    (docs/federation.md)."""
    courses = CoursePage.objects.live().public().filter(source_allows_reuse=True)
    skills = names_by_page(CoursePage.skill_areas.through, "coursepage_id", "skillarea", courses)
    accessibility = names_by_page(
        CoursePage.accessibility.through, "coursepage_id", "accessibilityfeature", courses
    )
    languages = names_by_page(CoursePage.languages.through, "coursepage_id", "language", courses)
    sessions = defaultdict(list)
    upcoming = (
        Session.objects.filter(page_id__in=courses.values("pk"), start__gte=timezone.now())
        .order_by("start", "pk")
        .values(*SESSION_FIELDS)
    )
    for session in upcoming:
        sessions[session["page_id"]].append(session_record(session))
    organisations = open_data.organisations_by_path()
    links = open_data.PageLinks(base_url)
    records = []
    for course in courses.order_by("path").values(*COURSE_FIELDS):
        pk = course["pk"]
        organisation = organisations.get(course["path"][: -CoursePage.steplen], (None, ""))
        records.append(
            {
                "id": pk,
                "name": course["title"],
                "url": links.url(course["url_path"]),
                "organisation": {"id": organisation[0], "name": organisation[1]},
                "summary": course["summary"],
                "description": plain_text(course["description"]),
                "level": LEVELS.get(course["level"], course["level"]),
                "format": FORMATS.get(course["format"], course["format"]),
                "cost": COSTS.get(course["cost"], course["cost"]),
                "cost_note": course["cost_note"],
                "audience": course["audience"],
                "what_to_bring": course["what_to_bring"],
                "skill_areas": skills[pk],
                "accessibility": accessibility[pk],
                "languages": languages[pk],
                "champion_training": course["is_champion_training"],
                "phone": course["phone"],
                "email": course["email"],
                "sessions": sessions[pk],
            }
        )
    return records


def session_record(session):
    when = describe_when(session["start"], session["end"])
    venue = None
    if session["venue_id"]:
        venue = {
            "id": session["venue_id"],
            "name": session["venue__title"],
            "town": session["venue__town"],
        }
    return {
        "id": session["pk"],
        "start": timezone.localtime(session["start"]).isoformat(timespec="minutes"),
        "end": timezone.localtime(session["end"]).isoformat(timespec="minutes"),
        "venue": venue,
        "capacity": session["capacity"],
        "text": f"{when} at {venue['name']}" if venue else f"{when} (online)",
    }


COURSES = Dataset(
    name="courses",
    title="Courses",
    description=(
        "Every digital-skills course the partners run: its level, format, cost and skill "
        "areas, with the dates, times and places of its upcoming sessions."
    ),
    records=course_records,
    columns=(
        ("id", lambda r: r["id"]),
        ("name", lambda r: r["name"]),
        ("url", lambda r: r["url"]),
        ("organisation", lambda r: r["organisation"]["name"]),
        ("summary", lambda r: r["summary"]),
        ("level", lambda r: r["level"]),
        ("format", lambda r: r["format"]),
        ("cost", lambda r: r["cost"]),
        ("cost_note", lambda r: r["cost_note"]),
        ("audience", lambda r: r["audience"]),
        ("skill_areas", lambda r: joined(r["skill_areas"])),
        ("accessibility", lambda r: joined(r["accessibility"])),
        ("languages", lambda r: joined(r["languages"])),
        ("champion_training", lambda r: yes_no(r["champion_training"])),
        ("phone", lambda r: r["phone"]),
        ("email", lambda r: r["email"]),
        ("next_session", lambda r: r["sessions"][0]["start"] if r["sessions"] else ""),
        ("upcoming_sessions", lambda r: joined(session["text"] for session in r["sessions"])),
    ),
)
open_data.register(COURSES)
