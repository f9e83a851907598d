"""The people of the two-server test, written into its database: `python -m` this module prints
their session keys as JSON (the servers read the same database and SECRET_KEY)."""

from __future__ import annotations

import json
import os
import sys

MEMBERS = 6


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.concurrency.server_settings")
    django.setup()
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )

    from chat.models import Channel, ChannelMembership

    channel = Channel.objects.create(slug="zwei", name="Zwei", kind=Channel.Kind.PRIVATE)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = []
    for number in range(MEMBERS):
        user = get_user_model().objects.create(
            username=f"zwei-{number}", first_name=f"Person {number}"
        )
        ChannelMembership.objects.create(channel=channel, user=user)
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    sys.stdout.write(json.dumps(keys) + "\n")


if __name__ == "__main__":
    main()
