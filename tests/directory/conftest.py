"""The HSDS 3.0 schemas the export is validated against (terms come from tests/conftest.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

# --- HSDS 3.0 schemas ---------------------------------------------------------------------------
# The Open Referral schemas live beside the repository (../shared/hsds-3.0, wherever the clone
# is), on CI as well; HSDS_SCHEMA_DIR names another place. A fresh clone has no ../shared: the
# tests that validate against the schemas skip, unless REQUIRE_HSDS_SCHEMAS=1 (.ci/run) fails them.
HSDS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "hsds-3.0"
HSDS_BASE = "https://schemas.test/hsds/"


class HsdsSchemas:
    """The HSDS schema files with their relative $refs resolved across files."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        resources = []
        for path in sorted((directory / "schema").rglob("*.json")):
            relative = path.relative_to(directory / "schema").as_posix()
            contents = json.loads(path.read_text("utf-8"))
            resources.append((HSDS_BASE + relative, Resource(contents, DRAFT202012)))
        self.registry = Registry().with_resources(resources)

    def errors(self, instance: object, name: str) -> list[str]:
        """Every violation of a schema file, e.g. "organization.json" or "compiled/service.json"."""
        validator = Draft202012Validator(
            {"$ref": HSDS_BASE + name},
            registry=self.registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        return [
            f"{'/'.join(str(part) for part in error.absolute_path)}: {error.message}"
            for error in validator.iter_errors(instance)
        ]

    def page_errors(self, page: dict, item_name: str) -> list[str]:
        """A page as HSDS's API describes it (openapi.json's Page, every field present), and
        each of its contents against the named schema.
        """
        openapi = json.loads((self.directory / "schema" / "openapi.json").read_text("utf-8"))
        page_schema = openapi["components"]["schemas"]["Page"]
        page_schema = {**page_schema, "required": sorted(page_schema["properties"])}
        errors = [error.message for error in Draft202012Validator(page_schema).iter_errors(page)]
        if not isinstance(page.get("contents"), list):
            return [*errors, "contents: not a list"]
        for number, item in enumerate(page["contents"]):
            errors += [f"contents/{number}/{error}" for error in self.errors(item, item_name)]
        return errors


def load_hsds_schemas() -> HsdsSchemas:
    """The schemas, or a skip that says where they were looked for (a failure when required)."""
    directory = Path(os.environ.get("HSDS_SCHEMA_DIR") or HSDS_DIR)
    if not (directory / "schema" / "organization.json").exists():
        missing = (
            f"The HSDS 3.0 schemas are missing: expected {directory / 'schema'} "
            "(../shared/hsds-3.0 beside the repository, or HSDS_SCHEMA_DIR)."
        )
        if os.environ.get("REQUIRE_HSDS_SCHEMAS") == "1":
            pytest.fail(f"{missing} REQUIRE_HSDS_SCHEMAS=1 makes this a failure.", pytrace=False)
        pytest.skip(f"{missing} Set REQUIRE_HSDS_SCHEMAS=1 to fail instead of skipping.")
    return HsdsSchemas(directory)


@pytest.fixture(scope="session")
def hsds_schemas() -> HsdsSchemas:
    return load_hsds_schemas()
