"""Done-when of issue 9: the demo network exported to HSDS, imported into an empty directory
through the importer and exported again gives the same export.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from network.models import Actor


@pytest.mark.django_db
def test_it_round_trips_the_demo_network_through_an_hsds_package(tmp_path):
    call_command("load_demo")
    call_command("export_hsds", str(tmp_path / "first"))
    call_command("export_hsds", str(tmp_path / "tables"), "--format", "csv")
    published = Actor.objects.filter(live=True).count()
    Actor.objects.all().delete()

    call_command("import_actors", str(tmp_path / "tables"))
    call_command("export_hsds", str(tmp_path / "second"))

    first = (tmp_path / "first" / "organizations.json").read_text("utf-8")
    second = (tmp_path / "second" / "organizations.json").read_text("utf-8")
    assert published > 100
    assert Actor.objects.filter(live=True).count() == published
    assert second == first


@pytest.mark.django_db
def test_it_changes_nothing_when_its_own_export_is_imported_again(tmp_path, capsys):
    call_command("load_demo")
    call_command("export_hsds", str(tmp_path))
    published = Actor.objects.filter(live=True).count()
    capsys.readouterr()

    call_command("import_actors", str(tmp_path / "organizations.json"))

    assert f"0 created, 0 updated, {published} unchanged, 0 with errors" in capsys.readouterr().out
