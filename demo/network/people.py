"""Invented names for demo contact people.

The surnames are made up so that no combination names a real member of the network; the first
names mirror the mix of people who work in it, long-established and newly arrived.
"""

from __future__ import annotations

import random

FIRST_NAMES: tuple[str, ...] = (
    "Anke",
    "Birgit",
    "Claudia",
    "Doreen",
    "Franziska",
    "Heike",
    "Ines",
    "Jana",
    "Katrin",
    "Luise",
    "Marlene",
    "Nadine",
    "Petra",
    "Sabine",
    "Ute",
    "Andreas",
    "Bernd",
    "Christian",
    "Dirk",
    "Frank",
    "Jens",
    "Matthias",
    "Ronny",
    "Steffen",
    "Thomas",
    "Amal",
    "Rana",
    "Farida",
    "Nour",
    "Yasmin",
    "Ahmad",
    "Yusuf",
    "Khaled",
    "Samir",
    "Omid",
    "Reza",
    "Zahra",
    "Mariam",
    "Olena",
    "Svitlana",
    "Iryna",
    "Oksana",
    "Dmytro",
    "Taras",
    "Dawit",
    "Selam",
    "Tesfay",
    "Hiwet",
    "Leyla",
    "Baran",
    "Thi Lan",
    "Minh",
    "Ana",
    "Piotr",
)

# Invented surnames: they sound at home in the region but belong to no one in the network.
LAST_NAMES: tuple[str, ...] = (
    "Auenrieth",
    "Birkenfeldt",
    "Dornwitz",
    "Elsterhoff",
    "Finkenau",
    "Grünbrecht",
    "Hainwald",
    "Kieselrode",
    "Lindenhain",
    "Morgentau",
    "Nebelung",
    "Quellbrunn",
    "Rebenhang",
    "Saalweide",
    "Schlehdorn",
    "Sonnwinkel",
    "Talwerder",
    "Unstrutter",
    "Weidenbusch",
    "Zeitzmann",
    "Al-Nahrani",
    "Haddadin-Meyer",
    "Karimzadeh-Lohse",
    "Rahimiyar",
    "Kovalenko-Berg",
    "Shevchuk-Lind",
    "Tesfamariam-Hahn",
    "Gebrekidan-Vogt",
    "Yıldırımoğlu-Roth",
    "Nguyen-Saalfeld",
)


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
