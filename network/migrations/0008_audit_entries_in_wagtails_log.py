"""The audit trail moves into Wagtail's log: each entry becomes a ModelLogEntry (which the admin's
site history and object histories read) with the actor it concerns kept beside it."""

import django.db.models.deletion
from django.db import migrations, models


def _content_type(ContentType, app_label, model):
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return content_type


def move_entries(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Legacy = apps.get_model("network", "LegacyAuditEntry")
    AuditEntry = apps.get_model("network", "AuditEntry")
    for old in Legacy.objects.order_by("created_at", "pk").iterator():
        if old.object_type:
            app_label, _dot, model = old.object_type.partition(".")
            content_type, object_id = _content_type(ContentType, app_label, model), old.object_id
        elif old.actor_id:
            content_type = _content_type(ContentType, "network", "actor")
            object_id = str(old.actor_id)
        elif old.user_id:
            content_type = _content_type(ContentType, "auth", "user")
            object_id = str(old.user_id)
        else:
            content_type = _content_type(ContentType, "network", "actor")
            object_id = str(content_type.pk)
            content_type = _content_type(ContentType, "contenttypes", "contenttype")
        AuditEntry.objects.create(
            content_type=content_type,
            object_id=object_id,
            label=f"{content_type.model} {object_id}",
            action=old.action,
            data=old.data,
            timestamp=old.created_at,
            user_id=old.user_id,
            actor_id=old.actor_id,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("network", "0007_offer_childcare"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameModel("AuditEntry", "LegacyAuditEntry"),
        migrations.AlterField(
            model_name="legacyauditentry",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="network.actor",
            ),
        ),
        migrations.CreateModel(
            name="AuditEntry",
            fields=[
                (
                    "modellogentry_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.modellogentry",
                    ),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="audit_entries",
                        to="network.actor",
                    ),
                ),
            ],
            options={
                "verbose_name": "Protokolleintrag",
                "verbose_name_plural": "Protokoll",
                "ordering": ["-timestamp", "-id"],
            },
            bases=("wagtailcore.modellogentry",),
        ),
        migrations.RunPython(move_entries, elidable=False),
        migrations.DeleteModel("LegacyAuditEntry"),
    ]
