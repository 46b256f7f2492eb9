"""What the two imports (boundaries.py, indicator_file.py) share: the size a
file may be, the error that refuses a whole file, and a rejected row with
its reason."""

import dataclasses
import os

# A file larger than this is refused before it is read: England's LSOA
# 2021 boundaries, generalised as the ONS publishes them for the web, are
# well under it; the full-resolution ones should be simplified first.
MAX_FILE_BYTES = 200 * 1024 * 1024


class ImportFileError(ValueError):
    """The whole file is refused: nothing is changed."""


@dataclasses.dataclass(frozen=True)
class Rejection:
    """One row (a CSV line, a GeoJSON feature) left out, and why."""

    row: int
    code: str
    reason: str

    def __str__(self):
        where = f"row {self.row}" + (f" ({self.code})" if self.code else "")
        return f"{where}: {self.reason}"


def file_size(source):
    """Bytes in a path or an open file (an upload has `size`)."""
    if isinstance(source, str | os.PathLike):
        return os.path.getsize(source)
    size = getattr(source, "size", None)
    if size is not None:
        return size
    position = source.tell()
    source.seek(0, os.SEEK_END)
    size = source.tell()
    source.seek(position)
    return size


def check_size(source):
    size = file_size(source)
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"The file is {size / 1024 / 1024:,.0f} MB: files over "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB are refused. Simplify or split it first."
        )


def read_bytes(source):
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as stream:
            return stream.read()
    source.seek(0)
    return source.read()


def decode(data):
    """Text of a file in UTF-8 (a byte-order mark is dropped) or, failing
    that, Windows-1252, as spreadsheets save CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
