"""The needs board in the shared page cache (portal/pagecache.py), and the profiles showing a
actor's open needs. A need's page carries the help form (CSRF), so it is never stored."""

from __future__ import annotations

from network.page_cache import ACTORS, VOCABULARIES
from portal import pagecache

NEEDS = "needs"


def register() -> None:
    from needs.models import Need

    pagecache.register_model(Need, NEEDS)
    pagecache.register_view("needs:list", NEEDS, ACTORS, VOCABULARIES)
    pagecache.register_view("needs:detail", NEEDS, ACTORS, VOCABULARIES)
    for view in ("directory:actor", "search:results"):
        pagecache.register_view(view, NEEDS)
