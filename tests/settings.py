"""The portal's settings, tweaked for fast tests; services come from the same variables."""

import tempfile
from pathlib import Path

from portal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Private files (import uploads, images awaiting review) of a test run never land in the project.
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mia-private-"))
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
# The shared page cache is off in tests: their changes are never committed, so no change would
# reach it; tests/portal/test_page_cache.py turns it on and commits (portal/pagecache.py).
PAGE_CACHE = False
# The tests run the vocabulary's refresh themselves (a thread would not see their transaction).
SEARCH_VOCABULARY_REFRESH = "worker"
# Maps draw on a blank data: tile, so no browser test reaches out to OpenStreetMap's servers;
# tests of the tile host's CSP set their own address.
MAP_TILE_URL = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48e4jAAWJAshVieoTAAAAAElFTkSuQmCC"
)
