"""A first synonym list; staff keep it in the admin from here on."""

from django.db import migrations

GROUPS = [
    "Deutschkurs, Sprachkurs, Integrationskurs, Deutschunterricht",
    "Wohnung, Unterkunft, Wohnraum, Housing",
    "Arbeit, Job, Beschäftigung, Arbeitsplatz, Work",
    "Beratung, Counselling, Advice",
    "Ausbildung, Berufsausbildung, Apprenticeship",
    "Kinderbetreuung, Kita, Kindergarten, Childcare",
    "Ehrenamt, Freiwillige, Volunteering",
    "Arzt, Ärztin, Doctor",
    "Dolmetschen, Übersetzung, Sprachmittlung, Interpreting",
    "Flüchtlinge, Geflüchtete, Refugees",
    "Deutsch, German",
    "Arabisch, Arabic",
    "Ukrainisch, Ukrainian",
    "Russisch, Russian",
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms in GROUPS:
        Synonym.objects.get_or_create(terms=terms)


def unseed(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(terms__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_fts_triggers_again")]

    operations = [migrations.RunPython(seed, unseed)]
