import json

import pytest

from neighbourhoods.models import Area, AreaSet, IndicatorValue


def database_rows():
    """Everything the imports write, to compare before and after."""
    return (
        list(AreaSet.objects.values_list("name", "source", "licence")),
        list(Area.objects.values_list("code", "name", "geometry", "latitude", "longitude")),
        list(IndicatorValue.objects.values_list("indicator__name", "area__code", "value")),
    )


@pytest.fixture
def write_file(tmp_path):
    """Writes text (or a GeoJSON document) to a file; returns its path."""

    def write(content, name="file", encoding="utf-8", newline=None):
        path = tmp_path / name
        if isinstance(content, dict):
            content = json.dumps(content)
        with open(path, "w", encoding=encoding, newline=newline) as stream:
            stream.write(content)
        return str(path)

    return write


# The directory's own fixtures: an empty directory with the demo's services.
from tests.directory.conftest import directory, make_place, organisation  # noqa: E402, F401
