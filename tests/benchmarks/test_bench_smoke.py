"""The load benchmarks, run with tiny sizes so that their code cannot rot between `make bench`s.

Each runs as its own process, as `make bench` runs it, against this machine's PostgreSQL and
Redis (a database and Redis number of their own); skipped only where those services are absent.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mia_bench_smoke"
REDIS_URL = "redis://127.0.0.1:6379/12"


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


pytestmark = pytest.mark.skipif(
    not (_listening(5432) and _listening(6379)), reason="needs PostgreSQL and Redis on 127.0.0.1"
)


def _run(module: str, tmp_path: Path, *arguments: str) -> str:
    output = tmp_path / "benchmarks.md"
    completed = subprocess.run(  # noqa: S603 - the benchmark modules of this checkout
        [
            sys.executable,
            "-m",
            module,
            "--quick",
            "--database-url",
            DATABASE_URL,
            "--output",
            str(output),
            *arguments,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return output.read_text()


def test_it_loads_the_public_pages_and_the_floor(tmp_path):
    text = _run(
        "benchmarks.http_load",
        tmp_path,
        "--servers",
        "uvicorn",
        "--workers",
        "1",
        "--actors",
        "0",
        "--redis-url",
        REDIS_URL,
    )
    assert "<!-- http-load:start -->" in text
    assert "hello-world floor" in text
    assert "| uvicorn --workers 1 | **all pages** |" in text
    total = next(line for line in text.splitlines() if "**all pages**" in line)
    assert total.split("|")[6].strip() == "0", total  # no errors


def test_it_loads_the_chat_and_loses_nothing_on_resume(tmp_path):
    text = _run("benchmarks.chat_load", tmp_path, "--redis-url", REDIS_URL)
    assert "<!-- chat-load:start -->" in text
    assert "**0 lost**" in text
    assert "| portal |" in text and "| floor |" in text


def test_it_stores_every_concurrent_referral_exactly_once(tmp_path):
    text = _run(
        "benchmarks.referral_load", tmp_path, "--servers", "daphne", "--redis-url", REDIS_URL
    )
    row = next(line for line in text.splitlines() if line.startswith("| daphne"))
    cells = [cell.strip() for cell in row.split("|")]
    assert cells[2:5] == ["5 of 5", "5", "5"], row
