"""The import contracts of pyproject.toml hold, and they cover every app of the project.

`make lint` runs `lint-imports` too; here it runs with the tests, so that a change that breaks
the map in docs/architecture.md fails wherever the suite runs.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _contracts() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def test_it_keeps_the_import_contracts() -> None:
    result = subprocess.run(  # noqa: S603 - our own tool from the virtualenv, fixed arguments
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_it_puts_every_app_of_the_project_under_the_contracts() -> None:
    ours = {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT
    }
    assert ours <= set(_contracts()["root_packages"])


def test_it_forbids_every_app_to_the_kernel() -> None:
    contracts = {contract["id"]: contract for contract in _contracts()["contracts"]}
    apps_but_portal = set(_contracts()["root_packages"]) - {"portal"}
    assert set(contracts["kernel"]["forbidden_modules"]) == apps_but_portal
