"""HSDS JSON nested deeper than the decoder goes is an unreadable file, not a crash (issue 19)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from network.models import Actor


@pytest.mark.django_db
def test_it_refuses_json_nested_too_deeply(tmp_path):
    nested = tmp_path / "tief.json"
    nested.write_text("[" * 50_000, "utf-8")
    with pytest.raises(CommandError):
        call_command("import_actors", str(nested))
    assert not Actor.objects.exists()
