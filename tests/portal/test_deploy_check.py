"""Django's deployment check passes on the production settings, warnings included.

Settings are read at import time, so the check runs in a subprocess with a production environment
of its own (see tests/portal/test_settings.py for how the environment is controlled).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.portal.test_settings import BASE_DIR, controlled_env, production

PRODUCTION_SETTINGS = (
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "X_FRAME_OPTIONS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "DEBUG",
)


def in_production(tmp_path: Path, *args: str, **values: str) -> subprocess.CompletedProcess[str]:
    environment = production(
        ALLOWED_HOSTS="mia.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        **values,
    )
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=controlled_env(**environment),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_it_passes_the_deploy_check_at_warning_level(tmp_path):
    result = in_production(tmp_path, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_it_fails_the_deploy_check_when_hsts_is_switched_off(tmp_path):
    result = in_production(
        tmp_path,
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECURE_HSTS_SECONDS="0",
    )

    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_it_sends_cookies_only_over_https_out_of_reach_of_scripts(tmp_path):
    code = (
        "import json; from django.conf import settings as s; import django; django.setup(); "
        f"print(json.dumps({{name: getattr(s, name) for name in {list(PRODUCTION_SETTINGS)!r}}}))"
    )
    result = in_production(tmp_path, "-c", code)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "DEBUG": False,
    }
