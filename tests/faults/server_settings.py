"""Settings of the portal processes the fault tests start: the production module, plus the
faults' hook app and a mail backend chosen by the test."""

import os

from portal.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.faults.hooks.FaultHooksConfig"]  # noqa: F405
if os.environ.get("FAULT_EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["FAULT_EMAIL_FILE_PATH"]
