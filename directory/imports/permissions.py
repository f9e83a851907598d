"""Who may import actors: agency staff (members of an agency unit) and administrators, because
an import publishes profiles directly, as staff would after reviewing them.
"""

from __future__ import annotations

from network.permissions import User, is_agency_staff


def can_import_actors(user: User | None) -> bool:
    return is_agency_staff(user)
