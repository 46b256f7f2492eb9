"""Backup and restore: the database (pg_dump's custom format on
PostgreSQL, SQLite's online backup otherwise) and a tarball of MEDIA_ROOT,
in one folder with a manifest of how many rows each table held, so a
restore can prove it brought every record back. See docs/operations.md."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def pg_tool(name):
    """pg_dump or pg_restore: from PG_BIN, else PATH, else the newest
    /usr/lib/postgresql/*/bin."""
    if os.environ.get("PG_BIN"):
        return str(Path(os.environ["PG_BIN"]) / name)
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not candidates:
        raise BackupError(f"{name} is not installed (apt-get install postgresql-client)")
    return str(candidates[-1])


def pg_arguments(db):
    """Connection options for the PostgreSQL tools, and the password for
    their environment (never on the command line)."""
    args = ["--dbname", db["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [option, str(db[key])]
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    if db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = db["OPTIONS"]["sslmode"]
    return args, env


def run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def raw_connection(db):
    """A connection of the driver's own to the database `db` (a settings
    dict), so a backup can be checked in a database Django is not using."""
    if db["ENGINE"] == "django.db.backends.postgresql":
        import psycopg

        return psycopg.connect(
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            dbname=db["NAME"],
            connect_timeout=10,
        )
    return sqlite3.connect(db["NAME"])


TABLES_SQL = {
    "django.db.backends.postgresql": "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    "django.db.backends.sqlite3": (
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ),
}


def tables(db, raw):
    cursor = raw.cursor()
    cursor.execute(TABLES_SQL[db["ENGINE"]])
    return sorted(name for (name,) in cursor.fetchall())


def row_counts(db):
    """{table: rows} in the database `db`."""
    raw = raw_connection(db)
    try:
        cursor = raw.cursor()
        counts = {}
        for table in tables(db, raw):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (names from the catalogue)
            counts[table] = cursor.fetchone()[0]
        return counts
    finally:
        raw.close()


def backup(folder, db=None, media_root=None):
    """Write the database, the media and the manifest into `folder`."""
    db = db or connection.settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=False)
    if db["ENGINE"] == "django.db.backends.postgresql":
        args, env = pg_arguments(db)
        run(
            [
                pg_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(folder / DUMP),
                *args,
            ],
            env=env,
        )
    else:
        with sqlite3.connect(db["NAME"]) as source, sqlite3.connect(folder / SQLITE_COPY) as copy:
            source.backup(copy)
    with tarfile.open(folder / MEDIA, "w:gz") as tar:
        if media_root.exists():
            tar.add(media_root, arcname=".")
    manifest = {
        "created": timezone.now().isoformat(),
        "engine": db["ENGINE"],
        "rows": row_counts(db),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def restore(folder, db, media_root, replace=False):
    """Load a backup into the database `db` (a settings dict) and unpack
    its media into `media_root`. An empty database is expected; with
    `replace` what is there is dropped first."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    if manifest["engine"] != db["ENGINE"]:
        raise BackupError(f"This backup is of {manifest['engine']}, not {db['ENGINE']}")
    if db["ENGINE"] == "django.db.backends.postgresql":
        args, env = pg_arguments(db)
        clean = ["--clean", "--if-exists"] if replace else []
        run(
            [
                pg_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *clean,
                *args,
                str(folder / DUMP),
            ],
            env=env,
        )
    else:
        target = Path(db["NAME"])
        if target.exists() and target.stat().st_size and not replace:
            raise BackupError(f"{target} already holds a database: use --replace")
        with sqlite3.connect(folder / SQLITE_COPY) as copy, sqlite3.connect(target) as live:
            copy.backup(live)
    media_root = Path(media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA, "r:gz") as tar:
        tar.extractall(media_root, filter="data")
    return differences(manifest["rows"], row_counts(db))


def differences(expected, found):
    """Tables whose row count after a restore is not the backup's; {} when
    every record came back."""
    return {
        table: (rows, found.get(table))
        for table, rows in expected.items()
        if found.get(table) != rows
    }
