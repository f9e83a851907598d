"""Uploaded files kept between preview and confirmation, filed under the uploading user.

A confirmation can only ever reach the user's own upload: the path is built from the user and
a random token, never taken from the request.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import IO, Any

from django.core.files.storage import default_storage


def _path(user: Any, token: str, name: str) -> str:
    return f"imports/{user.pk}/{token}{Path(name).suffix.lower()}"


def keep(user: Any, upload: IO[bytes], name: str) -> str:
    token = secrets.token_hex(16)
    default_storage.save(_path(user, token, name), upload)
    return token


def open_kept(user: Any, token: str, name: str) -> IO[bytes] | None:
    path = _path(user, token, name)
    if not default_storage.exists(path):
        return None
    return default_storage.open(path, "rb")


def discard(user: Any, token: str, name: str) -> None:
    default_storage.delete(_path(user, token, name))
