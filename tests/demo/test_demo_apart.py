"""The demo lives apart from the product (issue 22): no product module imports it, and a
production install leaves it out unless DEMO=true.

The import walk reads the source with `ast`, so it needs neither import-linter nor an installed
app; the contracts in pyproject.toml say the same for `make lint`.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from django.apps import apps

from tests.portal.test_settings import production, run

ROOT = Path(__file__).resolve().parents[2]


def product_packages() -> set[str]:
    """The project's own apps, as installed, without the demo."""
    ours = {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT
    }
    return ours - {"demo"}


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            modules.add(node.args[0].value)
    return modules


def demo_imports(package: str) -> list[str]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for module in imported_modules(path):
            if module == "demo" or module.startswith("demo."):
                found.append(f"{path.relative_to(ROOT)} imports {module}")
    return found


def test_it_knows_every_product_app():
    assert product_packages() >= {
        "portal", "network", "directory", "events", "search", "needs", "referrals", "chat",
        "crisis",
    }  # fmt: skip


def test_it_finds_no_product_module_that_imports_the_demo():
    found = [line for package in sorted(product_packages()) for line in demo_imports(package)]

    assert found == []


def test_it_sees_the_imports_it_looks_for():
    # The demo's own command imports the demo: the walk must notice that kind of line.
    assert "demo/management/commands/load_demo.py imports demo.network.accounts" in (
        demo_imports("demo")
    )


def installed_apps(**values: str | None) -> list[str]:
    code = "import json; from portal import settings as s; print(json.dumps(s.INSTALLED_APPS))"
    result = run("-c", code, **values)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_installs_the_demo_on_the_embedded_default():
    assert "demo" in installed_apps()


def test_it_leaves_the_demo_out_of_production():
    assert "demo" not in installed_apps(**production())

    result = run("manage.py", "load_demo", **production())

    assert result.returncode != 0
    assert "Unknown command: 'load_demo'" in result.stderr


def test_it_installs_the_demo_in_production_when_asked():
    assert "demo" in installed_apps(**production(DEMO="true"))

    result = run("manage.py", "help", "load_demo", **production(DEMO="true"))

    assert result.returncode == 0, result.stderr
    assert "--if-empty" in result.stdout


@pytest.mark.parametrize("password", [None, "demo1234!", ""], ids=["unset", "published", "empty"])
def test_it_refuses_the_published_or_an_empty_demo_password_in_production(password):
    result = run("manage.py", "load_demo", **production(DEMO="true", DEMO_PASSWORD=password))

    assert result.returncode != 0
    assert "needs a DEMO_PASSWORD of its own" in result.stderr
