"""Load the base vocabularies (municipalities, languages, topics, target groups, agency units)."""

from django.db import migrations

from network.vocabularies import load_vocabularies


def forwards(apps, schema_editor):
    load_vocabularies(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
