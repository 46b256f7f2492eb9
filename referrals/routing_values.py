"""The plain values routing.py works on and gives back: rules, places,
courses, the resident's needs, and the ranked matches. No database: the
loaders in candidates.py fill them in, tests build them by hand."""

import datetime
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Rule:
    trigger: str
    services: frozenset = frozenset()
    course_level: str = ""


@dataclass(frozen=True)
class Opening:
    weekday: int
    opens: datetime.time | None = None
    closes: datetime.time | None = None
    by_appointment: bool = False


@dataclass(frozen=True)
class Place:
    """An access point. `services`, `accessibility` and `languages` map slugs
    to the names people read."""

    id: int
    title: str
    organisation_id: int | None = None
    organisation: str = ""
    accepts_referrals: bool = True
    services: dict = field(default_factory=dict)
    accessibility: dict = field(default_factory=dict)
    languages: dict = field(default_factory=dict)
    latitude: float | None = None
    longitude: float | None = None
    hours: tuple = ()
    lends_devices: bool = False
    devices_in_stock: int | None = None
    is_databank_hub: bool = False
    url: str = ""
    address: tuple = ()
    phone: str = ""


@dataclass(frozen=True)
class CourseSession:
    start: datetime.datetime
    places_left: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    venue: str = ""


@dataclass(frozen=True)
class Course:
    id: int
    title: str
    level: str
    organisation_id: int | None = None
    organisation: str = ""
    accepts_referrals: bool = True
    format: str = "in_person"
    accessibility: frozenset = frozenset()
    languages: frozenset = frozenset()
    sessions: tuple = ()
    url: str = ""
    phone: str = ""
    skill_areas: dict = field(default_factory=dict)  # slug: name


@dataclass(frozen=True)
class Needs:
    """What the resident told us. Empty days or times mean any."""

    barriers: frozenset = frozenset()
    goals: frozenset = frozenset()
    support: frozenset = frozenset()
    days: frozenset = frozenset()
    times: frozenset = frozenset()
    accessibility: dict = field(default_factory=dict)
    language: str = ""
    language_name: str = ""
    latitude: float | None = None
    longitude: float | None = None
    age_band: str = ""
    requested_place_id: int | None = None

    @property
    def located(self):
        return self.latitude is not None and self.longitude is not None


@dataclass
class Match:
    kind: str  # "place" or "course"
    id: int
    title: str
    organisation_id: int | None
    organisation: str
    reasons: list
    distance: float | None = None
    url: str = ""
    address: list = field(default_factory=list)
    phone: str = ""
    accepts_referrals: bool = True

    @property
    def because(self):
        return "; ".join(self.reasons)

    def as_dict(self):
        return asdict(self)


@dataclass
class Routing:
    places: list
    courses: list
    organisation_id: int | None
    notes: list
    services: frozenset
    levels: frozenset
    radius: float | None = None

    @property
    def to_coordinators(self):
        return self.organisation_id is None
