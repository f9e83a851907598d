"""portal.settings: production refuses unsafe values, the defaults need no services.

The refusals happen at import time, so they run in subprocesses with a controlled environment:
the variables the settings read are dropped from this process's environment and set anew.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings import DEFAULT_SECRET_KEY, email_settings, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parents[2]
SETTINGS_FILE = BASE_DIR / "portal" / "settings.py"
GOOD_SECRET_KEY = secrets.token_urlsafe(50)
ALWAYS_DROPPED = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ENV",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "SEARCH_BACKEND",
    "EMAIL_URL",
    "SECURE_SSL_REDIRECT",
}


def settings_variables() -> set[str]:
    """Every variable portal/settings.py reads through its env_* helpers, and the usual ones."""
    read = re.findall(r"env_(?:str|bool|int|list)\(\s*\"([A-Z0-9_]+)\"", SETTINGS_FILE.read_text())
    return ALWAYS_DROPPED | set(read)


def controlled_env(**values: str | None) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in settings_variables()}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update({name: value for name, value in values.items() if value is not None})
    return env


def production(**values: str | None) -> dict[str, str | None]:
    good = {
        "DJANGO_ENV": "production",
        "SECRET_KEY": GOOD_SECRET_KEY,
        "ALLOWED_HOSTS": "portal.example.org",
    }
    return {**good, **values}


def run(*args: str, **values: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=controlled_env(**values),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def import_settings(**values: str | None) -> subprocess.CompletedProcess[str]:
    return run("-c", "import portal.settings", **values)


def assert_refused(result: subprocess.CompletedProcess[str], *names: str) -> None:
    assert result.returncode != 0, result.stdout + result.stderr
    assert "ImproperlyConfigured" in result.stderr
    assert "Refusing to start in production" in result.stderr
    message = result.stderr.strip().splitlines()[-1]
    for name in names:
        assert name in message, message


# Production refuses unsafe settings --------------------------------------------------------------


def test_it_refuses_debug_in_production():
    assert_refused(import_settings(**production(DEBUG="true")), "DEBUG")


@pytest.mark.parametrize(
    "secret_key",
    [None, DEFAULT_SECRET_KEY, "", "x" * 49],
    ids=["unset", "default", "empty", "too-short"],
)
def test_it_refuses_the_default_or_a_short_secret_key_in_production(secret_key):
    assert_refused(import_settings(**production(SECRET_KEY=secret_key)), "SECRET_KEY")


@pytest.mark.parametrize("allowed_hosts", [None, "", " , "], ids=["unset", "empty", "blank"])
def test_it_refuses_empty_allowed_hosts_in_production(allowed_hosts):
    assert_refused(import_settings(**production(ALLOWED_HOSTS=allowed_hosts)), "ALLOWED_HOSTS")


def test_it_names_every_problem_at_once():
    result = import_settings(DJANGO_ENV="production", DEBUG="1")
    assert_refused(result, "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS")


def test_it_refuses_a_boolean_it_cannot_read():
    result = import_settings(**production(DEBUG="maybe"))
    assert result.returncode != 0
    assert "ImproperlyConfigured: DEBUG must be a boolean" in result.stderr


def test_it_starts_in_production_with_good_values_and_debug_off_by_default():
    code = (
        "import json; from portal import settings as s; print(json.dumps({"
        "'DEBUG': s.DEBUG, 'SECURE_SSL_REDIRECT': s.SECURE_SSL_REDIRECT, "
        "'SESSION_COOKIE_SECURE': s.SESSION_COOKIE_SECURE, "
        "'CSRF_COOKIE_SECURE': s.CSRF_COOKIE_SECURE, 'ALLOWED_HOSTS': s.ALLOWED_HOSTS}))"
    )
    result = run("-c", code, **production())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "ALLOWED_HOSTS": ["portal.example.org"],
    }


def test_it_passes_the_deploy_check_with_good_production_values():
    result = run("manage.py", "check", "--deploy", "--fail-level", "WARNING", **production())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_it_warns_at_the_deploy_check_when_the_ssl_redirect_is_switched_off():
    # compose.yaml switches the redirect off for plain-HTTP local use; a server behind a TLS
    # proxy keeps it on. The deploy check says so, and only that.
    result = run(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **production(SECURE_SSL_REDIRECT="false"),
    )
    assert result.returncode != 0
    assert "security.W008" in result.stderr
    assert "System check identified 1 issue" in result.stderr


# Without variables: embedded services ------------------------------------------------------------


def test_it_defaults_to_sqlite_in_memory_channels_and_database_search():
    code = (
        "import json; from portal import settings as s; print(json.dumps({"
        "'DJANGO_ENV': s.DJANGO_ENV, 'DEBUG': s.DEBUG, "
        "'DATABASE_ENGINE': s.DATABASES['default']['ENGINE'], "
        "'DATABASE_NAME': str(s.DATABASES['default']['NAME']), "
        "'CHANNEL_LAYER': s.CHANNEL_LAYERS['default']['BACKEND'], "
        "'CACHE': s.CACHES['default']['BACKEND'], "
        "'SEARCH_BACKEND': s.SEARCH_BACKEND, "
        "'EMAIL_BACKEND': s.EMAIL_BACKEND, 'ALLOWED_HOSTS': s.ALLOWED_HOSTS}))"
    )
    result = run("-c", code)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "DJANGO_ENV": "development",
        "DEBUG": True,
        "DATABASE_ENGINE": "django.db.backends.sqlite3",
        "DATABASE_NAME": str(BASE_DIR / "db.sqlite3"),
        "CHANNEL_LAYER": "channels.layers.InMemoryChannelLayer",
        "CACHE": "django.core.cache.backends.locmem.LocMemCache",
        "SEARCH_BACKEND": "search.backends.database.DatabaseSearchBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "ALLOWED_HOSTS": ["localhost", "127.0.0.1", "[::1]"],
    }


def test_it_switches_to_the_services_named_by_their_urls():
    code = (
        "import json; from portal import settings as s; print(json.dumps({"
        "'DATABASE_ENGINE': s.DATABASES['default']['ENGINE'], "
        "'DATABASE_HOST': s.DATABASES['default']['HOST'], "
        "'CHANNEL_LAYER': s.CHANNEL_LAYERS['default']['BACKEND'], "
        "'CHANNEL_HOSTS': s.CHANNEL_LAYERS['default']['CONFIG']['hosts'], "
        "'CACHE': s.CACHES['default']['BACKEND'], "
        "'ELASTICSEARCH_URL': s.ELASTICSEARCH_URL}))"
    )
    result = run(
        "-c",
        code,
        DATABASE_URL="postgres://portal:secret@db.internal:5432/portal",
        REDIS_URL="redis://cache.internal:6379/0",
        ELASTICSEARCH_URL="http://search.internal:9200",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "DATABASE_ENGINE": "django.db.backends.postgresql",
        "DATABASE_HOST": "db.internal",
        "CHANNEL_LAYER": "channels_redis.core.RedisChannelLayer",
        "CHANNEL_HOSTS": ["redis://cache.internal:6379/0"],
        "CACHE": "portal.cache.TolerantRedisCache",
        "ELASTICSEARCH_URL": "http://search.internal:9200",
    }


# EMAIL_URL ---------------------------------------------------------------------------------------

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def test_it_reads_a_plain_smtp_url_with_quoted_credentials():
    assert email_settings("smtp://mailer%40example.org:p%40ss%3Aword@mail.example.org") == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 25,
        "EMAIL_HOST_USER": "mailer@example.org",
        "EMAIL_HOST_PASSWORD": "p@ss:word",
        "EMAIL_USE_SSL": False,
        "EMAIL_USE_TLS": False,
    }


def test_it_reads_starttls_on_smtp_from_the_query():
    settings = email_settings("smtp://mail.example.org:2525?tls=1")
    assert settings["EMAIL_PORT"] == 2525
    assert settings["EMAIL_USE_TLS"] is True
    assert settings["EMAIL_USE_SSL"] is False


def test_it_reads_smtps_as_implicit_tls_on_port_465():
    settings = email_settings("smtps://user:secret@mail.example.org")
    assert settings["EMAIL_BACKEND"] == SMTP
    assert settings["EMAIL_PORT"] == 465
    assert settings["EMAIL_USE_SSL"] is True
    assert settings["EMAIL_USE_TLS"] is False
    assert (settings["EMAIL_HOST_USER"], settings["EMAIL_HOST_PASSWORD"]) == ("user", "secret")


def test_it_reads_submission_as_starttls_on_port_587():
    settings = email_settings("submission://user:secret@mail.example.org")
    assert settings["EMAIL_PORT"] == 587
    assert settings["EMAIL_USE_TLS"] is True
    assert settings["EMAIL_USE_SSL"] is False


def test_it_defaults_the_smtp_host_to_localhost():
    assert email_settings("smtp://")["EMAIL_HOST"] == "localhost"


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("", "django.core.mail.backends.console.EmailBackend"),
        ("console://", "django.core.mail.backends.console.EmailBackend"),
        ("locmem://", "django.core.mail.backends.locmem.EmailBackend"),
        ("dummy://", "django.core.mail.backends.dummy.EmailBackend"),
    ],
)
def test_it_reads_the_backends_without_a_server(url, backend):
    assert email_settings(url) == {"EMAIL_BACKEND": backend}


@pytest.mark.parametrize("url", ["http://mail.example.org", "smtp+tls://mail.example.org", "x"])
def test_it_refuses_an_email_url_with_an_unknown_scheme(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL has an unknown scheme"):
        email_settings(url)


# env_bool, env_int, env_list ---------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on"])
def test_it_reads_true_booleans(monkeypatch, value):
    monkeypatch.setenv("PORTAL_TEST_FLAG", value)
    assert env_bool("PORTAL_TEST_FLAG") is True


@pytest.mark.parametrize("value", ["0", "false", "FALSE", "no", "off"])
def test_it_reads_false_booleans(monkeypatch, value):
    monkeypatch.setenv("PORTAL_TEST_FLAG", value)
    assert env_bool("PORTAL_TEST_FLAG", default=True) is False


def test_it_falls_back_to_the_default_boolean_when_unset_or_empty(monkeypatch):
    monkeypatch.delenv("PORTAL_TEST_FLAG", raising=False)
    assert env_bool("PORTAL_TEST_FLAG", default=True) is True
    monkeypatch.setenv("PORTAL_TEST_FLAG", "")
    assert env_bool("PORTAL_TEST_FLAG", default=True) is True
    assert env_bool("PORTAL_TEST_FLAG") is False


@pytest.mark.parametrize("value", ["maybe", "2", "ja", " true"])
def test_it_refuses_a_boolean_it_cannot_read_naming_the_variable(monkeypatch, value):
    monkeypatch.setenv("PORTAL_TEST_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match=r"PORTAL_TEST_FLAG must be a boolean"):
        env_bool("PORTAL_TEST_FLAG")


def test_it_refuses_a_number_it_cannot_read_naming_the_variable(monkeypatch):
    monkeypatch.setenv("PORTAL_TEST_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="PORTAL_TEST_NUMBER must be a whole number"):
        env_int("PORTAL_TEST_NUMBER", 1)
    monkeypatch.setenv("PORTAL_TEST_NUMBER", "10")
    assert env_int("PORTAL_TEST_NUMBER", 1) == 10


def test_it_splits_lists_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("PORTAL_TEST_LIST", " a.example , ,b.example,")
    assert env_list("PORTAL_TEST_LIST") == ["a.example", "b.example"]
    monkeypatch.delenv("PORTAL_TEST_LIST")
    assert env_list("PORTAL_TEST_LIST", ["default"]) == ["default"]
