"""docs/directory.md documents exactly the directory's filters, with their facet kinds."""

from __future__ import annotations

import re
from pathlib import Path

from directory.filters import ActorFilter
from search.listing import ChoiceFacet, TermFacet, YesNoFacet

DOCS = Path(__file__).resolve().parents[2] / "docs" / "directory.md"
ROW = re.compile(r"^\| `(?P<name>[a-z_]+)` \| [^|]* \| (?P<kind>[^|]*) \|", re.M)
KINDS = {ChoiceFacet: "choice", TermFacet: "vocabulary", YesNoFacet: "yes/no"}


def documented() -> dict[str, str]:
    return {match["name"]: match["kind"].strip() for match in ROW.finditer(DOCS.read_text())}


def test_the_docs_list_every_filter_and_no_other():
    assert set(documented()) == set(ActorFilter.base_filters)


def test_the_docs_name_each_facet_kind():
    rows = documented()

    for facet in ActorFilter.FACETS:
        assert rows[facet.name].startswith(KINDS[type(facet)]), facet.name
