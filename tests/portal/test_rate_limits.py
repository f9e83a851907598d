"""Rate limits: search, suggestions and the API answer 429 with Retry-After and a reason a person
can read; the address counted is the one the server sees; windows close and open again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from portal import ratelimit
from tests.factories import ActorFactory, UserFactory

pytestmark = pytest.mark.django_db

ADDRESS = "192.0.2.30"
OTHER = "198.51.100.30"
START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def tight(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "3/m", "suggest": "2/m"}
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/m", "user": "5/m"},
    }


def search(client, address=ADDRESS, path="/search/?q=Deutschkurs"):
    return client.get(path, REMOTE_ADDR=address)


# --- search page ---------------------------------------------------------------------------------


def test_it_answers_the_search_over_the_limit_with_a_readable_429_page(client, tight, clock):
    for _ in range(3):
        assert search(client).status_code == 200

    refused = search(client)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    page = refused.content.decode()
    assert "<h1>Zu viele Anfragen</h1>" in page
    assert "Bitte versuchen Sie es in 1 Minute noch einmal." in page
    assert 'href="/search/?q=Deutschkurs"' in page  # try again with the same query


def test_it_counts_each_address_on_its_own(client, tight, clock):
    for _ in range(4):
        search(client)

    assert search(client).status_code == 429
    assert search(client, address=OTHER).status_code == 200


def test_it_opens_a_new_window_when_the_old_one_has_passed(client, tight, clock):
    for _ in range(4):
        search(client)
    clock.shift(timedelta(seconds=45))

    still = search(client)
    clock.shift(timedelta(seconds=16))

    assert (still.status_code, still["Retry-After"]) == (429, "15")
    assert search(client).status_code == 200


def test_it_shows_the_429_page_in_the_visitors_language(client, tight, clock):
    for _ in range(3):
        search(client, path="/en/search/?q=x")

    refused = search(client, path="/en/search/?q=x")

    assert refused.status_code == 429
    page = refused.content.decode()
    assert '<html lang="en"' in page
    assert "Too many requests" in page


def test_it_leaves_normal_searching_alone_at_the_default_limit(client, clock):
    statuses = {search(client, path=f"/search/?q=Kurs{n}").status_code for n in range(60)}

    assert statuses == {200}
    assert search(client).status_code == 429


# --- suggestions ---------------------------------------------------------------------------------


def test_it_answers_suggestions_over_the_limit_with_json(client, tight, clock):
    for _ in range(2):
        assert search(client, path="/search/suggest/?q=Deu").status_code == 200

    refused = search(client, path="/search/suggest/?q=Deu")

    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert refused["Retry-After"] == "60"
    body = refused.json()
    assert (body["code"], body["retry_after"]) == ("rate_limited", 60)
    assert "Zu viele Anfragen." in body["detail"]


def test_it_counts_suggestions_apart_from_searches(client, tight, clock):
    for _ in range(3):
        search(client, path="/search/suggest/?q=Deu")

    assert search(client).status_code == 200


# --- API -----------------------------------------------------------------------------------------


def test_it_throttles_anonymous_api_calls_with_a_reason_and_retry_after(client, tight, clock):
    ActorFactory()
    for _ in range(3):
        assert client.get("/api/v1/actors/", REMOTE_ADDR=ADDRESS).status_code == 200

    refused = client.get("/api/v1/actors/", REMOTE_ADDR=ADDRESS)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    body = refused.json()
    assert (body["code"], body["retry_after"]) == ("rate_limited", 60)
    assert "Zum Schutz vor Missbrauch" in body["detail"]
    assert client.get("/api/v1/actors/", REMOTE_ADDR=OTHER).status_code == 200


def test_it_throttles_the_hsds_export_too(client, tight, clock):
    statuses = [client.get("/api/hsds/", REMOTE_ADDR=ADDRESS).status_code for _ in range(4)]

    assert statuses[-1] == 429


def test_it_gives_signed_in_accounts_their_own_higher_rate(client, tight, clock):
    client.force_login(UserFactory())
    statuses = [client.get("/api/v1/actors/", REMOTE_ADDR=ADDRESS).status_code for _ in range(6)]

    assert statuses == [200] * 5 + [429]


def test_it_lets_api_calls_through_again_after_the_window(client, tight, clock):
    for _ in range(4):
        client.get("/api/v1/actors/", REMOTE_ADDR=ADDRESS)
    clock.shift(timedelta(seconds=61))

    assert client.get("/api/v1/actors/", REMOTE_ADDR=ADDRESS).status_code == 200


# --- the client's address ------------------------------------------------------------------------


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_it_ignores_x_forwarded_for_without_a_trusted_proxy():
    assert ratelimit.client_address(request_from("192.0.2.1", "203.0.113.9")) == "192.0.2.1"


def test_it_takes_the_address_our_proxy_appended_not_what_the_client_wrote(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    forged = request_from("10.0.0.2", "1.2.3.4, 203.0.113.9")

    assert ratelimit.client_address(forged) == "203.0.113.9"


@pytest.mark.parametrize("forwarded", ["", "nonsense", "<script>"])
def test_it_falls_back_to_the_remote_address_when_the_proxy_header_is_unusable(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1

    assert ratelimit.client_address(request_from("10.0.0.2", forwarded)) == "10.0.0.2"


def test_it_counts_an_ipv6_household_as_one_address():
    first = ratelimit.address_identity("2001:db8:1:2::1")
    second = ratelimit.address_identity("2001:db8:1:2:abcd::9")

    assert first == second == "2001:db8:1:2::/64"
    assert ratelimit.address_identity("::ffff:192.0.2.1") == "192.0.2.1"


def test_it_spoofs_nothing_through_x_forwarded_for_by_default(client, tight, clock):
    for n in range(3):
        search(client, path=f"/search/?q=a{n}")

    spoofed = client.get("/search/?q=b", REMOTE_ADDR=ADDRESS, HTTP_X_FORWARDED_FOR=OTHER)

    assert spoofed.status_code == 429


# --- rates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit", "window"),
    [("5/10m", 5, 600), ("60/min", 60, 60), ("120/m", 120, 60), ("5/h", 5, 3600), ("3/30s", 3, 30)],
)
def test_it_reads_rates_as_events_per_period(text, limit, window):
    assert ratelimit.parse_rate(text) == ratelimit.Rate(limit=limit, window=window)


@pytest.mark.parametrize("text", ["", "5", "five/m", "5/fortnight", "-1/m"])
def test_it_refuses_a_rate_it_cannot_read(text):
    with pytest.raises(ImproperlyConfigured):
        ratelimit.parse_rate(text)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (20, "in 1 Minute noch"),
        (61, "in 2 Minuten noch"),
        (3540, "in 59 Minuten noch"),
        (3599, "in 1 Stunde noch"),
        (3600, "in 1 Stunde noch"),
        (3 * 3600, "in 3 Stunden noch"),
    ],
)
def test_it_says_when_to_try_again_in_words(seconds, words):
    assert words in ratelimit.retry_message(seconds)


# --- sign-in -------------------------------------------------------------------------------------


def sign_in(client, username, password, address=ADDRESS):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_it_slows_down_the_failing_address_and_lets_it_in_after_the_wait(client, settings, clock):
    UserFactory(username="rana", password="richtig-und-lang-9")
    for _ in range(settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT):
        sign_in(client, "rana", "falsch")

    refused = sign_in(client, "rana", "richtig-und-lang-9")
    elsewhere = sign_in(client, "rana", "richtig-und-lang-9", address=OTHER)
    client.logout()
    clock.shift(timedelta(seconds=settings.LOGIN_BACKOFF_FIRST_SECONDS))
    later = sign_in(client, "rana", "richtig-und-lang-9")

    assert refused.status_code == 429
    assert refused["Retry-After"] == str(settings.LOGIN_BACKOFF_FIRST_SECONDS)
    assert 'value="rana"' in refused.content.decode()
    assert elsewhere.status_code == 302
    assert later.status_code == 302


# --- the counter itself --------------------------------------------------------------------------


def _limit(limit=2, window=60):
    return ratelimit.Limit("counted", by=("subject",), rate=lambda: ratelimit.Rate(limit, window))


def test_it_refuses_the_event_beyond_the_limit_with_the_windows_remaining_seconds(clock):
    limit = _limit()
    limit.hit(subject="a")
    clock.shift(timedelta(seconds=20))
    limit.hit(subject="a")

    with pytest.raises(ratelimit.RateLimited) as over:
        limit.hit(subject="a")
    with pytest.raises(ratelimit.RateLimited) as checked:
        limit.check(subject="a")

    assert over.value.retry_after == 40
    assert checked.value.retry_after == 40
    limit.check(subject="b")


def test_it_starts_again_at_one_when_the_window_has_ended_by_the_clock(clock):
    ratelimit.reset("counted", "x")
    assert [ratelimit.hit("counted", "x", window=60) for _ in range(3)] == [1, 2, 3]
    clock.shift(timedelta(seconds=60))

    assert ratelimit.count("counted", "x") == 0
    assert ratelimit.hit("counted", "x", window=60) == 1
    assert ratelimit.retry_after("counted", "x", window=60) == 60


@pytest.mark.skipif(not django_settings.REDIS_URL, reason="the Redis cache only")
def test_it_counts_an_event_in_one_round_trip_to_redis(monkeypatch, clock):
    """Every chat frame and counted form post passes here; each round trip is waited for."""
    import redis

    commands = []
    original = redis.Redis.execute_command

    def counting(self, *args, **options):
        commands.append(args[0])
        return original(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counting)
    limit = _limit(limit=1)
    limit.hit(subject="c")
    first = list(commands)
    with pytest.raises(ratelimit.RateLimited):
        limit.hit(subject="c")

    assert len(first) in (1, 2)  # EVALSHA, and EVAL the first time the script is not loaded
    assert len(commands) - len(first) == 1
