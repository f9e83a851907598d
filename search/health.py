"""The search's part of /healthz (registered with portal.views.register_check)."""

from __future__ import annotations

from portal.views import Check
from search.backends import get_search_backend


def check_search() -> Check:
    """The configured backend; when it is down but its fallback answers, search is degraded
    rather than failing, because every search is then served by the fallback."""
    backend = get_search_backend()
    ok, detail = backend.health()
    detail = f"{backend.name}: {detail}"
    if ok or backend.fallback is None:
        return Check(ok, detail)
    fallback_ok, fallback_detail = backend.fallback.health()
    fallback_detail = f"{backend.fallback.name}: {fallback_detail}"
    if not fallback_ok:
        return Check(False, f"{detail}; {fallback_detail}")
    return Check(True, f"{detail}; serving from {fallback_detail}", degraded=True)
