"""Changing one's password: the old one is a secret that whoever holds the session could guess.

Its wrong guesses count like wrong sign-ins of the same username at the same address
(network.throttling); while that address waits, the guess is not even checked, so the answer
says nothing about it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.views.decorators.debug import sensitive_variables

from network import throttling
from portal import ratelimit


class ThrottledPasswordChangeForm(PasswordChangeForm):
    retry_after = 0

    def __init__(self, user: Any, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        self.request = request

    @property
    def is_rate_limited(self) -> bool:
        return self.has_error("old_password", code="rate_limited")

    @sensitive_variables("old_password")
    def clean_old_password(self) -> str:
        username = self.user.get_username()
        self.retry_after = throttling.password_wait(self.request, username)
        if self.retry_after:
            raise ValidationError(ratelimit.refusal_message(self.retry_after), code="rate_limited")
        try:
            old_password = super().clean_old_password()
        except ValidationError:
            throttling.password_failed(self.request, username)
            raise
        throttling.password_succeeded(self.request, username)
        return old_password
