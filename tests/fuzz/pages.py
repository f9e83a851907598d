"""Reading responses the way a browser would, to tell injected script from the page's own."""

from __future__ import annotations

import re
from itertools import count

from tests.test_xss import Browserish

MARKER = "1337"  # every vector in strategies.XSS_VECTORS carries it
_addresses = count(1)


def fresh_address() -> str:
    """A client address of its own per example, so that rate limits never answer for the page."""
    number = next(_addresses)
    return f"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}"


def injected_script(body: str) -> list[str]:
    """Handlers, dangerous links and script elements the page got from our input."""
    parser = Browserish()
    parser.feed(body)
    parser.close()
    found = list(parser.problems)
    for attrs, content in parser.scripts:
        if MARKER in "".join(content) or MARKER in str(attrs.get("src") or ""):
            found.append(f"<script {attrs}>{''.join(content)[:80]}")
    # Whatever html.parser made of it, a browser's tokenizer may see more (<scr<script>ipt>).
    raw = len(re.findall(r"<script[\s>/]", body, re.IGNORECASE))
    if raw != len(parser.scripts):
        found.append(f"{raw} '<script' in the text, {len(parser.scripts)} script elements")
    return found


def assert_answered_safely(response, *, redirect: bool = False) -> None:
    """A 2xx or 4xx (or a redirect where one is the answer), never a 500; in an HTML page
    nothing that runs came from the input."""
    assert 200 <= response.status_code < 500, (response.status_code, response.content[:500])
    if not redirect:
        assert not 300 <= response.status_code < 400, response.status_code
    if response.get("Content-Type", "").startswith("text/html"):
        assert injected_script(response.content.decode()) == []
