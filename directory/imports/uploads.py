"""Uploaded files kept between preview and confirmation, filed under the uploading user.

A confirmation can only ever reach the user's own upload: the path is built from the user and
a random token, never taken from the request. The files hold personal data (contact people,
phone numbers), so they live in private storage that no URL serves, and are deleted after the
import, or after KEPT_FOR when the preview was abandoned (`manage.py purge_import_uploads`).
"""

from __future__ import annotations

import datetime
import secrets
from pathlib import Path
from typing import IO, Any

from django.core.files.storage import default_storage

from portal.private_storage import discard_older_than, private_storage

FOLDER = "imports"
KEPT_FOR = datetime.timedelta(hours=24)


def _path(user: Any, token: str, name: str) -> str:
    return f"{FOLDER}/{user.pk}/{token}{Path(name).suffix.lower()}"


def keep(user: Any, upload: IO[bytes], name: str) -> str:
    token = secrets.token_hex(16)
    private_storage().save(_path(user, token, name), upload)
    return token


def open_kept(user: Any, token: str, name: str) -> IO[bytes] | None:
    path = _path(user, token, name)
    if not private_storage().exists(path):
        return None
    return private_storage().open(path, "rb")


def discard(user: Any, token: str, name: str) -> None:
    private_storage().delete(_path(user, token, name))


def discard_abandoned() -> int:
    """Delete uploads whose preview was never confirmed within KEPT_FOR, and any upload left in
    the public media by earlier versions, which kept them there; how many."""
    return discard_older_than(private_storage(), FOLDER, KEPT_FOR) + discard_older_than(
        default_storage, FOLDER, datetime.timedelta(0)
    )
