"""What every test process would otherwise build for itself, built once per
pytest run before the processes start: the migrated database, the whole
demo on it, and the crawl's walk of that demo.

Built in a process of its own (`python -m tests.prepared build DIR`), run
by the process that starts the others (tests/conftest.py), so no test's
time includes it and the processes do not each migrate and build it again:

- the migrated database, as a template each test process copies for its
  own test database (a file copy on SQLite, CREATE DATABASE … TEMPLATE on
  PostgreSQL), instead of running some 200 migrations each;
- with `--demo`, the whole `seed_demo` in a second template, whose rows
  each process reads for `full_snapshot` (tests/database_snapshot.py), and
  the walk of its public pages (tests/browser/crawl.py) in `walk.json`,
  made on a throwaway copy so the walk's own writes go nowhere.

`python -m tests.prepared drop DIR` removes the templates at the end."""

import json
import os
import pickle
import shutil
import sys
from dataclasses import asdict
from io import StringIO
from pathlib import Path

MIGRATED = "migrated"
FULL = "full"
WALK = "walk"
RANDOM_STATE = "factory-random-state.pickle"
WALK_FILE = "walk.json"


def template_name(settings_dict, folder, which):
    """A template's file (SQLite) or database name (PostgreSQL)."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return str(Path(folder) / f"{which}.sqlite3")
    return f"test_prepared_{Path(folder).name}_{which}"


def is_sqlite(connection):
    return connection.vendor == "sqlite"


def create_copy(connection, source, target):
    """`target` as a copy of template `source` (None: an empty database).
    The connection is left pointing at neither."""
    connection.close()
    if is_sqlite(connection):
        Path(target).unlink(missing_ok=True)
        if source is not None:
            shutil.copyfile(source, target)
        return
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(target)}")
        template = f" TEMPLATE {quote(source)}" if source else ""
        cursor.execute(f"CREATE DATABASE {quote(target)}{template}")


def drop(connection, name):
    connection.close()
    if is_sqlite(connection):
        Path(name).unlink(missing_ok=True)
        return
    # FORCE: a live server's thread may still hold a connection to it.
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)} WITH (FORCE)")


def use(connection, name):
    connection.close()
    connection.settings_dict["NAME"] = name


def build(folder, demo):
    import factory.random
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment

    from tests.browser import crawl

    folder.mkdir(parents=True, exist_ok=True)
    setup_test_environment()
    name = {
        which: template_name(connection.settings_dict, folder, which)
        for which in (MIGRATED, FULL, WALK)
    }
    create_copy(connection, None, name[MIGRATED])
    use(connection, name[MIGRATED])
    call_command("migrate", verbosity=0, run_syncdb=True, interactive=False)
    if not demo:
        connection.close()
        return
    create_copy(connection, name[MIGRATED], name[FULL])
    use(connection, name[FULL])
    call_command("seed_demo", stdout=StringIO())
    (folder / RANDOM_STATE).write_bytes(pickle.dumps(factory.random.get_random_state()))
    create_copy(connection, name[FULL], name[WALK])
    use(connection, name[WALK])
    # The walk makes hundreds of searches from one address (see
    # tests/browser/test_crawl.py).
    with override_settings(SEARCH_RATE_LIMIT=0):
        site_map = crawl.walk()
    drop(connection, name[WALK])
    (folder / WALK_FILE).write_text(json.dumps(to_json(site_map)))


def to_json(site_map):
    data = asdict(site_map)
    data["forms"] = [[method, action, page] for (method, action), page in site_map.forms.items()]
    return data


def read_walk(folder):
    from tests.browser.crawl import SiteMap

    data = json.loads((Path(folder) / WALK_FILE).read_text())
    data["forms"] = {(method, action): page for method, action, page in data["forms"]}
    return SiteMap(**data)


def read_random_state(folder):
    return pickle.loads((Path(folder) / RANDOM_STATE).read_bytes())  # noqa: S301 (our own file)


def folder_for(config):
    """The folder built for this test process (its pytest config), or None
    when it builds everything itself (one process alone)."""
    found = getattr(config, "workerinput", {}).get("prepared_folder")
    return Path(found) if found else None


def has_demo(folder):
    return folder is not None and (Path(folder) / WALK_FILE).exists()


def drop_all(folder):
    from django.db import connection

    for which in (MIGRATED, FULL, WALK):
        drop(connection, template_name(connection.settings_dict, folder, which))
    shutil.rmtree(folder, ignore_errors=True)


def run(command, folder, demo=False):
    """Run this module in a process of its own, as the test settings have
    it; it fails the run if the build fails."""
    import subprocess

    arguments = [sys.executable, "-m", "tests.prepared", command, str(folder)]
    if demo:
        arguments.append("--demo")
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test"}
    # Without its request log (a line for each page walked); errors show.
    environment["REQUEST_LOG"] = "false"
    finished = subprocess.run(arguments, env=environment, check=False)  # noqa: S603 (ours)
    if finished.returncode:
        raise BuildFailed(
            f"Preparing the test databases failed (python -m tests.prepared {command}): "
            "its error is above"
        )


class BuildFailed(Exception):
    pass


def main(arguments):
    import django

    django.setup()
    command, folder = arguments[0], Path(arguments[1])
    if command == "build":
        build(folder, demo="--demo" in arguments)
    elif command == "drop":
        drop_all(folder)
    else:
        raise SystemExit(f"usage: python -m tests.prepared build|drop DIR [--demo], not {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
