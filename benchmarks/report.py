"""docs/benchmarks.md holds one section per benchmark; each run rewrites only its own."""

from __future__ import annotations

from pathlib import Path

TITLE = "# Benchmarks\n"


def write_section(path: Path, name: str, body: str) -> None:
    """Put `body` between <!-- name:start --> and <!-- name:end -->, keeping the other sections.

    A file written before the markers existed is kept below the new section, so nothing
    measured earlier is lost.
    """
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    section = f"{start}\n{body.strip()}\n{end}"
    text = path.read_text() if path.exists() else TITLE
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + section + after
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text)
