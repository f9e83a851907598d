"""Storage for files nobody may download by URL: import uploads between preview and
confirmation, images awaiting review. It lives under settings.PRIVATE_MEDIA_ROOT, outside the
public MEDIA_ROOT that /media/ serves, and refuses to name a URL for anything it holds.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils import timezone
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["base_url"] = None
        super().__init__(**kwargs)

    @cached_property
    def base_location(self) -> str:
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting: str, **kwargs: Any) -> None:
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL.")


def private_storage() -> PrivateStorage:
    return storages["private"]


def discard_older_than(storage: Storage, folder: str, age: datetime.timedelta) -> int:
    """Delete the files under `folder` last written before `age` ago; how many were deleted."""
    cutoff = timezone.now() - age
    deleted = 0

    def walk(path: str) -> None:
        nonlocal deleted
        if not storage.exists(path):
            return
        directories, files = storage.listdir(path)
        for name in files:
            file_path = f"{path}/{name}"
            if storage.get_modified_time(file_path) < cutoff:
                storage.delete(file_path)
                deleted += 1
        for directory in directories:
            walk(f"{path}/{directory}")

    walk(folder)
    return deleted
