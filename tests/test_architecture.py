"""The layout holds (docs/architecture.md): the import-linter contracts in
pyproject.toml (the apps import one way, down their layers; no file
imports another in a circle), and no module imports a views module except
the URL configurations (urls.py, *_urls.py) and the admin's (each app's
wagtail_hooks.py, where admin views are registered)."""

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
LINTER = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def is_views(module):
    last = module.rsplit(".", 1)[-1]
    return last == "views" or last.endswith("_views")


def may_import_views(module):
    last = module.rsplit(".", 1)[-1]
    return last in ("urls", "wagtail_hooks") or last.endswith("_urls")


def test_the_import_contracts_are_kept():
    result = subprocess.run(
        [Path(sys.executable).parent / "lint-imports", "--no-cache", "--no-logo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_only_url_configurations_import_views():
    graph = grimp.build_graph(*LINTER["root_packages"], cache_dir=None)
    wrong = sorted(
        f"{importer} imports {imported}"
        for imported in graph.modules
        if is_views(imported)
        for importer in graph.find_modules_that_directly_import(imported)
        if not may_import_views(importer)
    )
    assert not wrong, wrong


def test_every_app_is_in_the_contracts():
    """A new app has to be given its place in the layers."""
    layers = " | ".join(LINTER["contracts"][0]["layers"]).split(" | ")
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert set(layers) == set(LINTER["root_packages"]) == apps
