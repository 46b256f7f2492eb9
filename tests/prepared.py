"""What every test process would otherwise build for itself, built once per
pytest run while the processes start: the migrated database, the whole
demo on it, and the crawl's walk of that demo.

Built in a process of its own (`python -m tests.prepared build DIR`),
started by the process that starts the others (tests/conftest.py); each
test process waits (`wait_for`) only for the part it needs, when it first
needs it, and none migrates or builds it again:

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
import time
from dataclasses import asdict
from io import StringIO
from pathlib import Path

MIGRATED = "migrated"
FULL = "full"
WALK = "walk"
RANDOM_STATE = "factory-random-state.pickle"
WALK_FILE = "walk.json"
# Files the build leaves as it goes, for the test processes that wait on it.
PLAN_FILE = "plan.json"
MIGRATED_READY = "migrated.ready"
# Left by the starting process once static files are collected: the demo
# and the walk draw pages, which name the collected files' hashed names.
STATIC_READY = "static.ready"
FAILED_FILE = "failed"
WAIT_SECONDS = 900


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
    from django.contrib.staticfiles.storage import staticfiles_storage
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
    connection.close()
    (folder / MIGRATED_READY).touch()
    if not demo:
        return
    wait_for(folder, STATIC_READY)
    # Migrating may have read the manifest before the files were collected.
    staticfiles_storage.hashed_files, staticfiles_storage.manifest_hash = (
        staticfiles_storage.load_manifest()
    )
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
    # Written whole, then renamed: a process waiting for it never reads half.
    (folder / f"{WALK_FILE}.part").write_text(json.dumps(to_json(site_map)))
    (folder / f"{WALK_FILE}.part").rename(folder / WALK_FILE)


def to_json(site_map):
    data = asdict(site_map)
    data["forms"] = [[method, action, page] for (method, action), page in site_map.forms.items()]
    return data


def wait_for(folder, name):
    """Wait until the build has left `name` in `folder`; BuildFailed if the
    build failed (or took longer than any build should)."""
    path = Path(folder) / name
    deadline = time.monotonic() + WAIT_SECONDS
    while not path.exists():
        if (Path(folder) / FAILED_FILE).exists():
            raise BuildFailed(
                "Preparing the test databases failed (python -m tests.prepared build): "
                "its error is at the start of the output"
            )
        if time.monotonic() > deadline:
            raise BuildFailed(f"Preparing the test databases did not finish in {WAIT_SECONDS} s")
        time.sleep(0.2)


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
    """Whether the build makes the demo and the walk; if so, once they are
    there."""
    if folder is None or not json.loads((Path(folder) / PLAN_FILE).read_text())["demo"]:
        return False
    wait_for(folder, WALK_FILE)
    return True


def drop_all(folder):
    from django.db import connection

    for which in (MIGRATED, FULL, WALK):
        drop(connection, template_name(connection.settings_dict, folder, which))
    shutil.rmtree(folder, ignore_errors=True)


def start(folder, demo=False):
    """Start the build in a process of its own, as the test settings have
    it, and return at once: the test processes start and collect their
    tests meanwhile, each waits for what it needs (wait_for), and they run
    tests that need only the migrated database while the demo is built."""
    import subprocess

    shutil.rmtree(folder, ignore_errors=True)
    Path(folder).mkdir(parents=True)
    (Path(folder) / PLAN_FILE).write_text(json.dumps({"demo": demo}))
    arguments = [sys.executable, "-m", "tests.prepared", "build", str(folder)]
    if demo:
        arguments.append("--demo")
    return subprocess.Popen(arguments, env=environment())  # noqa: S603 (ours)


def finish(build, folder):
    """Wait for the build (it is done long before the tests are), then
    drop what it made."""
    build.wait()
    run("drop", folder)


def environment():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test"}
    # Without its request log (a line for each page walked); errors show.
    environment["REQUEST_LOG"] = "false"
    return environment


def run(command, folder):
    """Run this module's `command` in a process of its own and wait."""
    import subprocess

    arguments = [sys.executable, "-m", "tests.prepared", command, str(folder)]
    finished = subprocess.run(arguments, env=environment(), check=False)  # noqa: S603 (ours)
    if finished.returncode:
        raise BuildFailed(f"python -m tests.prepared {command} failed: its error is above")


class BuildFailed(Exception):
    pass


def main(arguments):
    import django

    django.setup()
    command, folder = arguments[0], Path(arguments[1])
    if command == "build":
        try:
            build(folder, demo="--demo" in arguments)
        except BaseException:
            (folder / FAILED_FILE).touch()
            raise
    elif command == "drop":
        drop_all(folder)
    else:
        raise SystemExit(f"usage: python -m tests.prepared build|drop DIR [--demo], not {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
