"""Translations of the demo network's longer texts: the profiles' descriptions, the actors' own
offers, events' descriptions and needs, keyed by the German text they translate and merged into
`demo.content_texts.ALL_TEXTS` (each value: en, ar, uk, ru, fa, tr).

`archetypes` translates the texts of the generated actors once per template ("{town}" stands for
the place), so every actor the generator places gets them; `curated`, `curated_more` and
`curated_rest` the hand-written actors; `agency` the profiles of the agency's own units;
`events` and `needs` the descriptions of events and needs.
"""

from __future__ import annotations

from demo.detail_texts.agency import AGENCY_TEXTS
from demo.detail_texts.archetypes import ARCHETYPE_TEXTS
from demo.detail_texts.curated import CURATED_TEXTS, MORE_LANGUAGES
from demo.detail_texts.curated_more import CURATED_MORE_TEXTS
from demo.detail_texts.curated_rest import CURATED_REST_TEXTS
from demo.detail_texts.events import EVENT_TEXTS
from demo.detail_texts.needs import NEED_TEXTS

__all__ = ["DETAIL_TEXTS", "MORE_LANGUAGES"]

DETAIL_TEXTS = {
    **ARCHETYPE_TEXTS,
    **CURATED_TEXTS,
    **CURATED_MORE_TEXTS,
    **CURATED_REST_TEXTS,
    **AGENCY_TEXTS,
    **EVENT_TEXTS,
    **NEED_TEXTS,
}
