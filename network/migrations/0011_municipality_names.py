"""The municipalities' names in the portal's other languages (network.vocabularies), as base data
that every installation gets, production included."""

from django.db import migrations

from network.vocabularies import load_municipality_names


def forwards(apps, schema_editor):
    load_municipality_names(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("network", "0010_outdated_reports"),
        ("portal", "0004_contenttranslation_machine_translated"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
