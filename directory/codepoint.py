"""Reading OS Code-Point Open as Ordnance Survey publishes it: a zip holding one
headerless CSV per postcode area under Data/CSV/, with documentation under Doc/.

The columns, from Doc/Code-Point_Open_Column_Headers.csv, are: Postcode,
Positional_quality_indicator, Eastings, Northings, Country_code,
NHS_regional_HA_code, NHS_HA_code, Admin_county_code, Admin_district_code,
Admin_ward_code. Shared by `import_postcodes` and `scripts/derive-postcode-files`,
so the two cannot disagree about the format; pure Python, no Django.
"""

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from directory.geo import normalise_postcode
from directory.national_grid import osgb36_to_wgs84

# "No coordinates": Code-Point Open gives such postcodes eastings and northings
# of 0, a point in the sea off the Isles of Scilly.
QUALITY_NO_COORDINATES = 90

# Six decimal places of a degree are about 10 cm: finer than any postcode
# centroid, and short in a CSV.
DECIMAL_PLACES = 6

COLUMN_POSTCODE = 0
COLUMN_QUALITY = 1
COLUMN_EASTING = 2
COLUMN_NORTHING = 3
COLUMN_ADMIN_DISTRICT = 8


@dataclass(frozen=True, slots=True)
class CodePointRecord:
    """One row of Code-Point Open, with its postcode normalised."""

    postcode: str
    quality: int
    easting: int
    northing: int
    admin_district: str

    @property
    def district(self) -> str:
        return self.postcode.split(" ")[0]

    @property
    def has_coordinates(self) -> bool:
        return self.quality != QUALITY_NO_COORDINATES

    def wgs84(self) -> tuple[float, float]:
        """(latitude, longitude), rounded to the precision we store."""
        lat, lng = osgb36_to_wgs84(self.easting, self.northing)
        return round(lat, DECIMAL_PLACES), round(lng, DECIMAL_PLACES)


@dataclass(frozen=True)
class ReleaseFile:
    """One area's CSV inside a release; `size` (uncompressed bytes) lets a
    caller show progress through the whole release."""

    name: str
    size: int
    open: Callable[[], TextIO]

    def records(self) -> Iterator[CodePointRecord]:
        with self.open() as stream:
            yield from read_records(stream)


def read_records(stream: TextIO) -> Iterator[CodePointRecord]:
    """The records of one Code-Point Open CSV. A header row, which some
    re-packagings add, is skipped."""
    for row in csv.reader(stream):
        if not row or not row[COLUMN_QUALITY].strip().isdigit():
            continue
        yield CodePointRecord(
            postcode=normalise_postcode(row[COLUMN_POSTCODE]),
            quality=int(row[COLUMN_QUALITY]),
            easting=int(row[COLUMN_EASTING] or 0),
            northing=int(row[COLUMN_NORTHING] or 0),
            admin_district=row[COLUMN_ADMIN_DISTRICT],
        )


def _is_data_csv(path: str) -> bool:
    """CSV files outside Doc/, which holds a CSV of column headers."""
    parts = [part.lower() for part in Path(path).parts]
    return parts[-1].endswith(".csv") and "doc" not in parts[:-1]


@contextmanager
def open_release(path: str | Path) -> Iterator[list[ReleaseFile]]:
    """The data files of a release, given its zip (codepo_gb.zip) or a folder
    it was unpacked into, in name order."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _is_data_csv(str(p)))
        yield [
            ReleaseFile(
                name=str(p.relative_to(path)),
                size=p.stat().st_size,
                open=lambda p=p: p.open(encoding="utf-8", newline=""),
            )
            for p in files
        ]
        return
    with zipfile.ZipFile(path) as archive:
        infos = sorted(
            (info for info in archive.infolist() if _is_data_csv(info.filename)),
            key=lambda info: info.filename,
        )
        yield [
            ReleaseFile(
                name=info.filename,
                size=info.file_size,
                open=lambda info=info: io.TextIOWrapper(
                    archive.open(info), encoding="utf-8", newline=""
                ),
            )
            for info in infos
        ]


class DistrictCentroids:
    """Running means of postcode coordinates by district. A district's centre
    is the plain mean of its postcodes: it weights dense streets as a person
    typing a postcode would, and needs no boundary data."""

    def __init__(self):
        self._sums: dict[str, list[float]] = {}

    def add(self, district: str, latitude: float, longitude: float) -> None:
        sums = self._sums.setdefault(district, [0.0, 0.0, 0])
        sums[0] += latitude
        sums[1] += longitude
        sums[2] += 1

    def __len__(self) -> int:
        return len(self._sums)

    def __iter__(self) -> Iterator[tuple[str, float, float]]:
        """(district, latitude, longitude) in district order, rounded."""
        for district in sorted(self._sums):
            lat_sum, lng_sum, count = self._sums[district]
            yield (
                district,
                round(lat_sum / count, DECIMAL_PLACES),
                round(lng_sum / count, DECIMAL_PLACES),
            )
