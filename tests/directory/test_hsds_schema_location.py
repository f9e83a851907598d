"""Where the HSDS schemas come from: a fresh clone without ../shared skips the tests that
validate against them, CI (REQUIRE_HSDS_SCHEMAS=1) fails them instead."""

from __future__ import annotations

import pytest

from tests.directory.conftest import load_hsds_schemas


@pytest.fixture
def no_schemas(tmp_path, monkeypatch):
    """A schema directory without schemas, as on a fresh clone."""
    monkeypatch.setenv("HSDS_SCHEMA_DIR", str(tmp_path))
    monkeypatch.delenv("REQUIRE_HSDS_SCHEMAS", raising=False)
    return tmp_path


def test_it_skips_with_the_place_it_looked_when_the_schemas_are_absent(no_schemas):
    with pytest.raises(pytest.skip.Exception) as skipped:
        load_hsds_schemas()

    assert "The HSDS 3.0 schemas are missing" in str(skipped.value)
    assert str(no_schemas / "schema") in str(skipped.value)
    assert "REQUIRE_HSDS_SCHEMAS=1" in str(skipped.value)


def test_it_fails_when_the_schemas_are_required_and_absent(no_schemas, monkeypatch):
    monkeypatch.setenv("REQUIRE_HSDS_SCHEMAS", "1")

    with pytest.raises(pytest.fail.Exception) as failed:
        load_hsds_schemas()

    assert str(no_schemas / "schema") in str(failed.value)


def test_it_reads_the_schemas_from_the_directory_it_is_given(tmp_path, monkeypatch):
    schema = tmp_path / "schema"
    schema.mkdir()
    (schema / "organization.json").write_text(
        '{"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}'
    )
    monkeypatch.setenv("HSDS_SCHEMA_DIR", str(tmp_path))
    monkeypatch.setenv("REQUIRE_HSDS_SCHEMAS", "1")

    schemas = load_hsds_schemas()

    assert schemas.errors({"id": "o1"}, "organization.json") == []
    assert schemas.errors({}, "organization.json") == [": 'id' is a required property"]
