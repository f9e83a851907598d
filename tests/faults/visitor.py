"""A visitor of a portal process over real HTTP: pages, the referral form, sign-in, the API."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

import requests

from tests.html import select
from tests.referrals.helpers import valid_form

TIMEOUT = 15


@dataclass
class Visitor:
    base: str
    session: requests.Session = field(default_factory=requests.Session)
    timings: list[tuple[str, int, float]] = field(default_factory=list)

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        started = time.monotonic()
        response = self.session.request(
            method, self.base + path, timeout=TIMEOUT, allow_redirects=False, **kwargs
        )
        self.timings.append((f"{method} {path}", response.status_code, time.monotonic() - started))
        return response

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def csrf_token(self, path: str) -> str:
        page = self.get(path)
        assert page.status_code == 200, (path, page.status_code)
        tokens = select(page.text, 'input[name="csrfmiddlewaretoken"]')
        assert tokens, f"no CSRF token on {path}"
        return tokens[0]["value"]

    def post_referral(self, name: str, *, token: str | None = None) -> requests.Response:
        token = token or self.csrf_token("/referral/")
        return self.request(
            "POST",
            "/referral/",
            data={**valid_form(person_name=name), "csrfmiddlewaretoken": token},
        )

    def sign_in(self, username: str) -> None:
        password = os.environ.get("DEMO_PASSWORD", "demo1234!")
        token = self.csrf_token("/accounts/login/")
        response = self.request(
            "POST",
            "/accounts/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302, response.text[:2000]

    def post_chat(self, channel: str, body: str, client_id: str) -> requests.Response:
        return self.request(
            "POST",
            f"/api/v1/chat/{channel}/messages/",
            json={"body": body, "client_id": client_id},
            headers={"X-CSRFToken": self.session.cookies.get("csrftoken", "")},
        )
