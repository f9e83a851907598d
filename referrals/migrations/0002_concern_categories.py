"""The starting concern categories and their routing rules (referrals.categories)."""

from django.db import migrations


def load(apps, schema_editor):
    from referrals.categories import load_categories

    load_categories(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0001_initial"),
        ("network", "0002_vocabularies"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
