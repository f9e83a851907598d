"""Pictograms and network topics for the starting categories, and the "for whom" answers."""

from django.db import migrations


def load(apps, schema_editor):
    from referrals.categories import load_wayfinder_defaults

    load_wayfinder_defaults(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0004_wayfinder"),
        ("network", "0002_vocabularies"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
