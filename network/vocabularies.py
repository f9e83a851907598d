"""The base vocabularies every installation needs, production included.

Kept as plain data so that a migration can load it (with historical models) and tests can read
it. Slugs and codes are the stable keys: names may be corrected later without breaking URLs,
filters or API clients, because loading updates by key.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class MunicipalityData(NamedTuple):
    name: str
    slug: str
    kind: str
    association: str
    towns: str
    latitude: str
    longitude: str


class LanguageData(NamedTuple):
    code: str
    name: str
    native_name: str
    is_rtl: bool = False


class AgencyUnitData(NamedTuple):
    name: str
    slug: str
    email: str
    is_intake: bool = False


TOWN = "town"
MUNICIPALITY = "municipality"

AN_DER_FINNE = "An der Finne"
DROYSSIG_ZEITZER_FORST = "Droyßiger-Zeitzer Forst"
UNSTRUTTAL = "Unstruttal"
WETHAUTAL = "Wethautal"

# The 33 Gemeinden of the Burgenlandkreis: seven Einheitsgemeinden and the members of its four
# Verbandsgemeinden. Coordinates are the approximate centre of the main town.
MUNICIPALITIES: tuple[MunicipalityData, ...] = (
    MunicipalityData(
        "Elsteraue",
        "elsteraue",
        MUNICIPALITY,
        "",
        "Tröglitz, Profen, Reuden, Rehmsdorf, Draschwitz, Bornitz, Göbitz, Ostrau",
        "51.070600",
        "12.192500",
    ),
    MunicipalityData(
        "Hohenmölsen",
        "hohenmoelsen",
        TOWN,
        "",
        "Hohenmölsen, Granschütz, Webau, Taucha, Zembschen, Wählitz, Keutschen",
        "51.157500",
        "12.098300",
    ),
    MunicipalityData(
        "Lützen",
        "luetzen",
        TOWN,
        "",
        "Lützen, Großgörschen, Röcken, Zorbau, Poserna, Rippach, Starsiedel, Dehlitz, Meuchen",
        "51.258300",
        "12.141700",
    ),
    MunicipalityData(
        "Naumburg (Saale)",
        "naumburg-saale",
        TOWN,
        "",
        "Naumburg, Bad Kösen, Flemmingen, Großjena, Roßbach, Eulau, Prießnitz, Boblas, "
        "Crölpa-Löbschütz, Schellsitz",
        "51.149700",
        "11.809700",
    ),
    MunicipalityData(
        "Teuchern",
        "teuchern",
        TOWN,
        "",
        "Teuchern, Deuben, Gröben, Gröbitz, Nessa, Prittitz, Trebnitz, Krauschwitz",
        "51.121100",
        "12.023300",
    ),
    MunicipalityData(
        "Weißenfels",
        "weissenfels",
        TOWN,
        "",
        "Weißenfels, Langendorf, Leißling, Markwerben, Uichteritz, Tagewerben, Burgwerben, "
        "Großkorbetha, Reichardtswerben, Wengelsdorf",
        "51.200000",
        "11.966700",
    ),
    MunicipalityData(
        "Zeitz",
        "zeitz",
        TOWN,
        "",
        "Zeitz, Theißen, Luckenau, Aylsdorf, Döbris, Geußnitz, Kayna, Nonnewitz, Würchwitz",
        "51.047800",
        "12.138300",
    ),
    MunicipalityData(
        "An der Poststraße",
        "an-der-poststrasse",
        MUNICIPALITY,
        AN_DER_FINNE,
        "Taugwitz, Gernstedt, Klosterhäseler, Möllern, Gößnitz",
        "51.150000",
        "11.628000",
    ),
    MunicipalityData(
        "Bad Bibra",
        "bad-bibra",
        TOWN,
        AN_DER_FINNE,
        "Bad Bibra, Altenroda, Golzen, Thalwinkel",
        "51.206900",
        "11.580600",
    ),
    MunicipalityData(
        "Eckartsberga",
        "eckartsberga",
        TOWN,
        AN_DER_FINNE,
        "Eckartsberga, Lißdorf, Mallendorf, Marienthal",
        "51.124200",
        "11.561400",
    ),
    MunicipalityData(
        "Finne",
        "finne",
        MUNICIPALITY,
        AN_DER_FINNE,
        "Lossa, Billroda, Tauhardt",
        "51.215000",
        "11.490000",
    ),
    MunicipalityData(
        "Finneland",
        "finneland",
        MUNICIPALITY,
        AN_DER_FINNE,
        "Saubach, Steinburg, Kahlwinkel, Marienroda, Hirschroda",
        "51.190000",
        "11.530000",
    ),
    MunicipalityData(
        "Kaiserpfalz",
        "kaiserpfalz",
        MUNICIPALITY,
        AN_DER_FINNE,
        "Memleben, Bucha, Wohlmirstedt, Allerstedt",
        "51.266700",
        "11.483300",
    ),
    MunicipalityData(
        "Lanitz-Hassel-Tal",
        "lanitz-hassel-tal",
        MUNICIPALITY,
        AN_DER_FINNE,
        "Hassenhausen, Lanitz, Frankenau",
        "51.116700",
        "11.650000",
    ),
    MunicipalityData(
        "Droyßig",
        "droyssig",
        MUNICIPALITY,
        DROYSSIG_ZEITZER_FORST,
        "Droyßig, Hollsteitz, Kleinhelmsdorf",
        "51.043600",
        "12.035800",
    ),
    MunicipalityData(
        "Gutenborn",
        "gutenborn",
        MUNICIPALITY,
        DROYSSIG_ZEITZER_FORST,
        "Bergisdorf, Droßdorf, Heuckewalde, Schellbach",
        "51.005000",
        "12.070000",
    ),
    MunicipalityData(
        "Kretzschau",
        "kretzschau",
        MUNICIPALITY,
        DROYSSIG_ZEITZER_FORST,
        "Kretzschau, Grana, Döschwitz",
        "51.054400",
        "12.071400",
    ),
    MunicipalityData(
        "Schnaudertal",
        "schnaudertal",
        MUNICIPALITY,
        DROYSSIG_ZEITZER_FORST,
        "Bröckau, Wittgendorf",
        "51.000000",
        "12.215000",
    ),
    MunicipalityData(
        "Wetterzeube",
        "wetterzeube",
        MUNICIPALITY,
        DROYSSIG_ZEITZER_FORST,
        "Wetterzeube, Haynsburg, Breitenbach",
        "50.994400",
        "12.014400",
    ),
    MunicipalityData(
        "Balgstädt",
        "balgstaedt",
        MUNICIPALITY,
        UNSTRUTTAL,
        "Balgstädt, Ebersroda",
        "51.221900",
        "11.729400",
    ),
    MunicipalityData(
        "Freyburg (Unstrut)",
        "freyburg-unstrut",
        TOWN,
        UNSTRUTTAL,
        "Freyburg, Zscheiplitz, Pödelist, Nißmitz, Weischütz",
        "51.212800",
        "11.768300",
    ),
    MunicipalityData(
        "Gleina",
        "gleina",
        MUNICIPALITY,
        UNSTRUTTAL,
        "Gleina, Baumersroda, Müncheroda",
        "51.235000",
        "11.735000",
    ),
    MunicipalityData(
        "Goseck",
        "goseck",
        MUNICIPALITY,
        UNSTRUTTAL,
        "Goseck, Dobichau, Markröhlitz",
        "51.197500",
        "11.865000",
    ),
    MunicipalityData(
        "Karsdorf",
        "karsdorf",
        MUNICIPALITY,
        UNSTRUTTAL,
        "Karsdorf, Wetzendorf",
        "51.270000",
        "11.655000",
    ),
    MunicipalityData(
        "Laucha an der Unstrut",
        "laucha-an-der-unstrut",
        TOWN,
        UNSTRUTTAL,
        "Laucha, Dorndorf, Burkersroda, Kirchscheidungen",
        "51.224400",
        "11.679400",
    ),
    MunicipalityData(
        "Nebra (Unstrut)",
        "nebra-unstrut",
        TOWN,
        UNSTRUTTAL,
        "Nebra, Reinsdorf, Kleinwangen, Wangen",
        "51.288100",
        "11.576700",
    ),
    MunicipalityData(
        "Meineweh",
        "meineweh",
        MUNICIPALITY,
        WETHAUTAL,
        "Unterkaka, Pretzsch, Meineweh",
        "51.060000",
        "11.920000",
    ),
    MunicipalityData(
        "Mertendorf",
        "mertendorf",
        MUNICIPALITY,
        WETHAUTAL,
        "Mertendorf, Görschen, Löbitz, Wettaburg",
        "51.091700",
        "11.833300",
    ),
    MunicipalityData(
        "Molauer Land",
        "molauer-land",
        MUNICIPALITY,
        WETHAUTAL,
        "Molau, Leislau, Casekirchen, Abtlöbnitz",
        "51.065000",
        "11.775000",
    ),
    MunicipalityData(
        "Osterfeld",
        "osterfeld",
        TOWN,
        WETHAUTAL,
        "Osterfeld, Goldschau, Haardorf, Waldau",
        "51.079200",
        "11.928900",
    ),
    MunicipalityData(
        "Schönburg",
        "schoenburg",
        MUNICIPALITY,
        WETHAUTAL,
        "Schönburg, Possenhain",
        "51.166700",
        "11.866700",
    ),
    MunicipalityData(
        "Stößen",
        "stoessen",
        TOWN,
        WETHAUTAL,
        "Stößen, Pomnitz",
        "51.115000",
        "11.930000",
    ),
    MunicipalityData(
        "Wethau",
        "wethau",
        MUNICIPALITY,
        WETHAUTAL,
        "Wethau, Plotha",
        "51.135000",
        "11.860000",
    ),
)

# Languages in which counselling and courses are offered in the district, by ISO 639-1 code.
LANGUAGES: tuple[LanguageData, ...] = (
    LanguageData("de", "Deutsch", "Deutsch"),
    LanguageData("en", "Englisch", "English"),
    LanguageData("ar", "Arabisch", "العربية", is_rtl=True),
    LanguageData("fa", "Persisch (Farsi/Dari)", "فارسی", is_rtl=True),
    LanguageData("uk", "Ukrainisch", "Українська"),
    LanguageData("ru", "Russisch", "Русский"),
    LanguageData("tr", "Türkisch", "Türkçe"),
    LanguageData("ps", "Paschtu", "پښتو", is_rtl=True),
    LanguageData("ku", "Kurdisch", "Kurdî"),
    LanguageData("ti", "Tigrinya", "ትግርኛ"),
    LanguageData("so", "Somali", "Soomaali"),
    LanguageData("am", "Amharisch", "አማርኛ"),
    LanguageData("fr", "Französisch", "Français"),
    LanguageData("es", "Spanisch", "Español"),
    LanguageData("it", "Italienisch", "Italiano"),
    LanguageData("pt", "Portugiesisch", "Português"),
    LanguageData("pl", "Polnisch", "Polski"),
    LanguageData("cs", "Tschechisch", "Čeština"),
    LanguageData("hu", "Ungarisch", "Magyar"),
    LanguageData("ro", "Rumänisch", "Română"),
    LanguageData("bg", "Bulgarisch", "Български"),
    LanguageData("sq", "Albanisch", "Shqip"),
    LanguageData("sr", "Serbisch", "Српски"),
    LanguageData("ka", "Georgisch", "ქართული"),
    LanguageData("vi", "Vietnamesisch", "Tiếng Việt"),
    LanguageData("zh", "Chinesisch", "中文"),
    LanguageData("hi", "Hindi", "हिन्दी"),
    LanguageData("ur", "Urdu", "اردو", is_rtl=True),
)

# (slug, name)
TOPICS: tuple[tuple[str, str], ...] = (
    ("deutschkurs", "Deutschkurs"),
    ("sprachcafe", "Sprachcafé"),
    ("beratung", "Beratung"),
    ("arbeit", "Arbeit"),
    ("ausbildung", "Ausbildung"),
    ("wohnen", "Wohnen"),
    ("gesundheit", "Gesundheit"),
    ("kinder-und-familie", "Kinder und Familie"),
    ("frauen", "Frauen"),
    ("freizeit-und-sport", "Freizeit und Sport"),
    ("rechtsberatung", "Rechtsberatung"),
    ("dolmetschen", "Dolmetschen"),
    ("ehrenamt", "Ehrenamt"),
    ("schule-und-bildung", "Schule und Bildung"),
    ("aufenthalt", "Aufenthalt"),
    ("kultur-und-begegnung", "Kultur und Begegnung"),
    ("psychosoziale-unterstuetzung", "Psychosoziale Unterstützung"),
    ("mobilitaet", "Mobilität"),
)

# (slug, name)
TARGET_GROUPS: tuple[tuple[str, str], ...] = (
    ("gefluechtete", "Geflüchtete"),
    ("neuzugewanderte", "Neuzugewanderte"),
    ("frauen", "Frauen"),
    ("kinder-und-jugendliche", "Kinder und Jugendliche"),
    ("familien", "Familien"),
    ("aeltere-menschen", "Ältere Menschen"),
    ("menschen-mit-behinderung", "Menschen mit Behinderung"),
    ("studierende", "Studierende"),
    ("arbeitsuchende", "Arbeitsuchende"),
    ("ehrenamtliche", "Ehrenamtliche"),
    ("fachkraefte", "Fachkräfte"),
    ("unbegleitete-minderjaehrige-gefluechtete", "Unbegleitete minderjährige Geflüchtete"),
    ("lsbtiq", "LSBTIQ*"),
)

# The units working together in the one house of the Migrationsagentur; the Eingangszone takes
# every concern first and forwards it internally.
AGENCY_UNITS: tuple[AgencyUnitData, ...] = (
    AgencyUnitData("Eingangszone", "eingangszone", "eingangszone@mia-blk.example", is_intake=True),
    AgencyUnitData("Ausländerbehörde", "auslaenderbehoerde", "auslaenderbehoerde@mia-blk.example"),
    AgencyUnitData(
        "Asylbewerberleistungen",
        "asylbewerberleistungen",
        "asylbewerberleistungen@mia-blk.example",
    ),
    AgencyUnitData("Unterbringung", "unterbringung", "unterbringung@mia-blk.example"),
    AgencyUnitData(
        "Integrationsberatung", "integrationsberatung", "integrationsberatung@mia-blk.example"
    ),
    AgencyUnitData("Jobcenter", "jobcenter", "jobcenter@mia-blk.example"),
    AgencyUnitData("Agentur für Arbeit", "agentur-fuer-arbeit", "arbeitsagentur@mia-blk.example"),
    AgencyUnitData("Ehrenamtskoordination", "ehrenamtskoordination", "ehrenamt@mia-blk.example"),
)


def load_vocabularies(apps: Any) -> None:
    """Create or correct every term by its key, so running it again changes nothing.

    Takes an app registry (the historical one inside a migration, django.apps otherwise) so that
    it keeps working when the models change after the migration was written.
    """
    municipality_model = apps.get_model("network", "Municipality")
    for municipality in MUNICIPALITIES:
        municipality_model.objects.update_or_create(
            slug=municipality.slug,
            defaults={
                "name": municipality.name,
                "kind": municipality.kind,
                "association": municipality.association,
                "towns": municipality.towns,
                "latitude": municipality.latitude,
                "longitude": municipality.longitude,
            },
        )
    language_model = apps.get_model("network", "Language")
    for language in LANGUAGES:
        language_model.objects.update_or_create(
            code=language.code,
            defaults={
                "name": language.name,
                "native_name": language.native_name,
                "is_rtl": language.is_rtl,
            },
        )
    for model_name, terms in (("Topic", TOPICS), ("TargetGroup", TARGET_GROUPS)):
        model = apps.get_model("network", model_name)
        for slug, name in terms:
            model.objects.update_or_create(slug=slug, defaults={"name": name})
    agency_unit_model = apps.get_model("network", "AgencyUnit")
    for unit in AGENCY_UNITS:
        agency_unit_model.objects.update_or_create(
            slug=unit.slug,
            defaults={"name": unit.name, "email": unit.email, "is_intake": unit.is_intake},
        )


# The municipalities' names as the press of each portal language writes them (Ukrainian and
# Russian transcribe German names in Cyrillic, Arabic and Persian in their script: Наумбург,
# ناومبورغ), by slug: uk, ru, ar, fa. English and Turkish write the German name itself (there is
# no usual exonym for a town of the Burgenlandkreis), so for them the German name is stored as
# the name in that language, which tells the staff's translation report it was decided, not
# forgotten. Docs: docs/languages.md.
EXONYM_LANGUAGES = ("uk", "ru", "ar", "fa")
GERMAN_NAME_LANGUAGES = ("en", "tr")
MUNICIPALITY_EXONYMS: dict[str, tuple[str, str, str, str]] = {
    "elsteraue": ("Ельстерауе", "Эльстерауэ", "إلستراوه", "الستراوه"),
    "hohenmoelsen": ("Гоенмельзен", "Хоэнмёльзен", "هوهنمولسن", "هوهنمولسن"),
    "luetzen": ("Лютцен", "Лютцен", "لوتسن", "لوتسن"),
    "naumburg-saale": ("Наумбург (Зале)", "Наумбург (Зале)", "ناومبورغ (زاله)", "ناومبورگ (زاله)"),
    "teuchern": ("Тойхерн", "Тойхерн", "تويشرن", "تویشرن"),
    "weissenfels": ("Вайсенфельс", "Вайсенфельс", "فايسنفلس", "فایسنفلس"),
    "zeitz": ("Цайц", "Цайц", "تسايتس", "تسایتس"),
    "an-der-poststrasse": (
        "Ан-дер-Постштрасе",
        "Ан-дер-Постштрасе",
        "آن دير بوستشتراسه",
        "آن در پوستشتراسه",
    ),
    "bad-bibra": ("Бад-Бібра", "Бад-Бибра", "باد بيبرا", "باد بیبرا"),
    "eckartsberga": ("Еккартсберга", "Эккартсберга", "إكارتسبيرغا", "اکارتسبرگا"),
    "finne": ("Фінне", "Финне", "فينه", "فینه"),
    "finneland": ("Фіннеланд", "Финнеланд", "فينه لاند", "فینه‌لاند"),
    "kaiserpfalz": ("Кайзерпфальц", "Кайзерпфальц", "كايزربفالتس", "کایزرپفالتس"),
    "lanitz-hassel-tal": (
        "Ланіц-Гассель-Таль",
        "Ланиц-Хассель-Таль",
        "لانيتس-هاسل-تال",
        "لانیتس-هاسل-تال",
    ),
    "droyssig": ("Дройсіг", "Дройсиг", "درويسيغ", "درویسیگ"),
    "gutenborn": ("Гутенборн", "Гутенборн", "غوتنبورن", "گوتنبورن"),
    "kretzschau": ("Кречау", "Кречау", "كريتشاو", "کرچاو"),
    "schnaudertal": ("Шнаудерталь", "Шнаудерталь", "شناودرتال", "شناودرتال"),
    "wetterzeube": ("Веттерцойбе", "Веттерцойбе", "فيترتسويبه", "فترتسویبه"),
    "balgstaedt": ("Бальгштедт", "Бальгштедт", "بالغشتيت", "بالگشتت"),
    "freyburg-unstrut": (
        "Фрайбург (Унструт)",
        "Фрайбург (Унструт)",
        "فرايبورغ (أونشتروت)",
        "فرایبورگ (اونشتروت)",
    ),
    "gleina": ("Гляйна", "Гляйна", "غلاينا", "گلاینا"),
    "goseck": ("Гозек", "Гозек", "غوزيك", "گوزک"),
    "karsdorf": ("Карсдорф", "Карсдорф", "كارسدورف", "کارسدورف"),
    "laucha-an-der-unstrut": (
        "Лауха-ан-дер-Унструт",
        "Лауха-ан-дер-Унструт",
        "لاوخا آن دير أونشتروت",
        "لاوخا آن در اونشتروت",
    ),
    "nebra-unstrut": ("Небра (Унструт)", "Небра (Унструт)", "نيبرا (أونشتروت)", "نبرا (اونشتروت)"),
    "meineweh": ("Майневе", "Майневе", "ماينيفيه", "ماینه‌وه"),
    "mertendorf": ("Мертендорф", "Мертендорф", "ميرتندورف", "مرتندورف"),
    "molauer-land": ("Молауер-Ланд", "Молауер-Ланд", "مولاور لاند", "مولاوئر لاند"),
    "osterfeld": ("Остерфельд", "Остерфельд", "أوسترفيلد", "اوسترفلد"),
    "schoenburg": ("Шенбург", "Шёнбург", "شونبورغ", "شونبورگ"),
    "stoessen": ("Штесен", "Штёсен", "شتوسن", "اشتوسن"),
    "wethau": ("Ветау", "Ветау", "فيتاو", "فتاو"),
}


def municipality_names() -> dict[str, dict[str, str]]:
    """slug → language → the municipality's name in that language, for every municipality."""
    german = {municipality.slug: municipality.name for municipality in MUNICIPALITIES}
    return {
        slug: {
            **dict(zip(EXONYM_LANGUAGES, MUNICIPALITY_EXONYMS[slug], strict=True)),
            **dict.fromkeys(GERMAN_NAME_LANGUAGES, name),
        }
        for slug, name in german.items()
    }


def load_municipality_names(apps: Any) -> None:
    """Store each municipality's name in the portal's other languages as its translation.

    A name the staff have translated already is kept (they may have corrected it), so this can
    run again, from the migration and from the demo, without undoing their work. Takes an app
    registry like load_vocabularies; content types may not exist yet in a fresh database.
    """
    from hashlib import sha256

    content_type_model = apps.get_model("contenttypes", "ContentType")
    translation_model = apps.get_model("portal", "ContentTranslation")
    municipality_model = apps.get_model("network", "Municipality")
    content_type, _created = content_type_model.objects.get_or_create(
        app_label="network", model="municipality"
    )
    names = municipality_names()
    rows = [
        translation_model(
            content_type_id=content_type.pk,
            object_id=municipality.pk,
            language=language,
            field="name",
            text=text,
            # as portal.translations.digest, which a migration must not import
            source_digest=sha256(municipality.name.strip().encode()).hexdigest(),
        )
        for municipality in municipality_model.objects.filter(slug__in=names)
        for language, text in names[municipality.slug].items()
    ]
    translation_model.objects.bulk_create(rows, ignore_conflicts=True)
