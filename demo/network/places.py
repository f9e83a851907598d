"""Where demo actors sit: the main town of each Gemeinde, its postcode and plausible streets.

The number of actors per Gemeinde follows the real weight of the district: most of the network
lives in Weißenfels, Naumburg, Zeitz and Hohenmölsen, yet every Gemeinde has at least one entry so
that filters and the map never show an empty place.
"""

from __future__ import annotations

from dataclasses import dataclass

VILLAGE_STREETS: tuple[str, ...] = (
    "Hauptstraße",
    "Dorfstraße",
    "Kirchplatz",
    "Schulstraße",
    "Am Anger",
    "Lindenstraße",
    "Gartenstraße",
    "Mühlweg",
    "Am Sportplatz",
)


@dataclass(frozen=True)
class Place:
    municipality: str
    label: str
    town: str
    postcode: str
    area_code: str
    actors: int
    streets: tuple[str, ...] = VILLAGE_STREETS

    @property
    def is_urban(self) -> bool:
        """Counselling services, migrant organisations and projects cluster in the towns."""
        return self.actors >= 4

    @property
    def spread(self) -> float:
        """How far (in degrees) addresses scatter around the centre: towns are wider."""
        return 0.008 if self.is_urban else 0.003


PLACES: dict[str, Place] = {
    place.municipality: place
    for place in (
        Place(
            "weissenfels",
            "Weißenfels",
            "Weißenfels",
            "06667",
            "03443",
            19,
            (
                "Markt",
                "Jüdenstraße",
                "Große Burgstraße",
                "Leipziger Straße",
                "Merseburger Straße",
                "Naumburger Straße",
                "Friedrichstraße",
                "Promenade",
                "Zeitzer Straße",
                "Langendorfer Straße",
                "Novalisstraße",
                "Beuditzstraße",
                "Am Kugelberg",
                "Selauer Straße",
            ),
        ),
        Place(
            "naumburg-saale",
            "Naumburg",
            "Naumburg (Saale)",
            "06618",
            "03445",
            18,
            (
                "Markt",
                "Jakobsstraße",
                "Marienstraße",
                "Salzstraße",
                "Lindenring",
                "Weißenfelser Straße",
                "Kösener Straße",
                "Bahnhofstraße",
                "Wenzelsstraße",
                "Buchholzstraße",
                "Roßbacher Straße",
                "Michaelisstraße",
            ),
        ),
        Place(
            "zeitz",
            "Zeitz",
            "Zeitz",
            "06712",
            "03441",
            18,
            (
                "Altmarkt",
                "Roßmarkt",
                "Schützenstraße",
                "Wendische Straße",
                "Geschwister-Scholl-Straße",
                "Leipziger Straße",
                "Naumburger Straße",
                "Baenschstraße",
                "Albrechtstraße",
                "Rahnestraße",
                "Fabrikstraße",
                "Am Schwanenteich",
            ),
        ),
        Place(
            "hohenmoelsen",
            "Hohenmölsen",
            "Hohenmölsen",
            "06679",
            "034441",
            9,
            (
                "Markt",
                "Ernst-Thälmann-Straße",
                "Straße der Jugend",
                "Zeitzer Straße",
                "Weißenfelser Straße",
                "Lützener Straße",
                "Kirchstraße",
            ),
        ),
        Place(
            "luetzen",
            "Lützen",
            "Lützen",
            "06686",
            "034444",
            5,
            ("Markt", "Gustav-Adolf-Straße", "Leipziger Straße", "Schloßstraße", "Dehlitzer Weg"),
        ),
        Place(
            "teuchern",
            "Teuchern",
            "Teuchern",
            "06682",
            "034443",
            5,
            ("Markt", "Weißenfelser Straße", "Bahnhofstraße", "Zeitzer Straße", "Kirchplatz"),
        ),
        Place(
            "elsteraue",
            "Tröglitz",
            "Tröglitz",
            "06729",
            "03441",
            4,
            ("Hauptstraße", "Bahnhofstraße", "Schulstraße", "Am Kulturhaus", "Gartenstraße"),
        ),
        Place(
            "freyburg-unstrut",
            "Freyburg",
            "Freyburg (Unstrut)",
            "06632",
            "034464",
            3,
            ("Markt", "Schlossstraße", "Mühlstraße", "Wasserstraße", "Am Weinberg"),
        ),
        Place("nebra-unstrut", "Nebra", "Nebra (Unstrut)", "06642", "034461", 3),
        Place("laucha-an-der-unstrut", "Laucha", "Laucha an der Unstrut", "06636", "034462", 2),
        Place("bad-bibra", "Bad Bibra", "Bad Bibra", "06647", "034465", 2),
        Place("eckartsberga", "Eckartsberga", "Eckartsberga", "06648", "034467", 2),
        Place("osterfeld", "Osterfeld", "Osterfeld", "06721", "034422", 2),
        Place("droyssig", "Droyßig", "Droyßig", "06722", "034425", 2),
        Place("kretzschau", "Kretzschau", "Kretzschau", "06712", "03441", 2),
        Place("stoessen", "Stößen", "Stößen", "06667", "034445", 2),
        Place("goseck", "Goseck", "Goseck", "06667", "03443", 2),
        Place("karsdorf", "Karsdorf", "Karsdorf", "06638", "034461", 2),
        Place("kaiserpfalz", "Memleben", "Memleben", "06642", "034672", 2),
        Place("wetterzeube", "Wetterzeube", "Wetterzeube", "06722", "036693", 2),
        Place("gleina", "Gleina", "Gleina", "06632", "034464", 2),
        Place("mertendorf", "Mertendorf", "Mertendorf", "06618", "03445", 2),
        Place("an-der-poststrasse", "Taugwitz", "Taugwitz", "06647", "034465", 1),
        Place("finne", "Lossa", "Lossa", "06647", "034465", 1),
        Place("finneland", "Saubach", "Saubach", "06647", "034465", 1),
        Place("lanitz-hassel-tal", "Hassenhausen", "Hassenhausen", "06628", "034463", 1),
        Place("gutenborn", "Bergisdorf", "Bergisdorf", "06712", "03441", 1),
        Place("schnaudertal", "Bröckau", "Bröckau", "06724", "03441", 1),
        Place("balgstaedt", "Balgstädt", "Balgstädt", "06632", "034464", 1),
        Place("meineweh", "Unterkaka", "Unterkaka", "06721", "034422", 1),
        Place("molauer-land", "Molau", "Molau", "06618", "03445", 1),
        Place("schoenburg", "Schönburg", "Schönburg", "06618", "03445", 1),
        Place("wethau", "Wethau", "Wethau", "06618", "03445", 1),
    )
}


@dataclass(frozen=True)
class Ortsteil:
    name: str
    postcode: str
    latitude: str
    longitude: str


# Ortsteile of the larger Gemeinden where some actors sit instead of in the main town; they
# have postcodes and centres of their own.
ORTSTEILE: dict[str, tuple[Ortsteil, ...]] = {
    "weissenfels": (
        Ortsteil("Langendorf", "06667", "51.181000", "11.944000"),
        Ortsteil("Leißling", "06667", "51.160000", "11.910000"),
        Ortsteil("Großkorbetha", "06688", "51.261900", "12.026400"),
    ),
    "naumburg-saale": (Ortsteil("Bad Kösen", "06628", "51.134200", "11.715800"),),
    "zeitz": (Ortsteil("Theißen", "06727", "51.088900", "12.103600"),),
    "hohenmoelsen": (Ortsteil("Granschütz", "06679", "51.183000", "12.052000"),),
    "elsteraue": (Ortsteil("Profen", "06725", "51.126100", "12.222200"),),
}
