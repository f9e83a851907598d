"""Pages are indexed only by us from now on (search.wagtail_backend): Wagtail's entries for pages
are dropped; its entries for images, documents, users and snippets stay."""

from django.db import migrations


def drop_wagtails_page_entries(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    page_types = set(Page.objects.values_list("content_type_id", flat=True).distinct())
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_types.update(
        ContentType.objects.filter(app_label="wagtailcore", model="page").values_list(
            "pk", flat=True
        )
    )
    IndexEntry.objects.filter(content_type_id__in=page_types).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_index_audience"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(drop_wagtails_page_entries, migrations.RunPython.noop)]
