"""The switch no longer writes into the concern category; give categories their settings back.

A situation switched on before this migration overwrote its category's `is_active` and default
unit and kept the previous values on itself. Those are put back into the category now (routing
reads the active situation from here on), and the stored copies are dropped.
"""

from django.db import migrations


def restore_categories(apps, schema_editor):
    Situation = apps.get_model("crisis", "Situation")
    ConcernCategory = apps.get_model("referrals", "ConcernCategory")
    saved = Situation.objects.filter(
        is_active=True, concern_category__isnull=False, category_was_active__isnull=False
    )
    for situation in saved:
        ConcernCategory.objects.filter(pk=situation.concern_category_id).update(
            is_active=situation.category_was_active,
            default_unit_id=situation.category_previous_unit_id,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("crisis", "0001_initial"),
        ("referrals", "0005_wayfinder_defaults"),
    ]

    operations = [
        migrations.RunPython(restore_categories, migrations.RunPython.noop),
        migrations.RemoveField(model_name="situation", name="category_was_active"),
        migrations.RemoveField(model_name="situation", name="category_previous_unit"),
    ]
