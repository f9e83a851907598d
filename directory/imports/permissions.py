"""Who may import actors: agency staff (the "Agentur" group) and administrators, because an
import publishes profiles directly, as staff would after reviewing them.
"""

from __future__ import annotations

from network.demo.accounts import AGENCY_GROUP
from network.permissions import User, is_admin, is_signed_in


def can_import_actors(user: User | None) -> bool:
    if is_admin(user):
        return True
    return is_signed_in(user) and user.groups.filter(name=AGENCY_GROUP).exists()
