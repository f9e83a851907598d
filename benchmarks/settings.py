"""Production settings for the load benchmarks, with the per-address limits out of the way.

All virtual users of a load benchmark come from 127.0.0.1, so the limits that protect the portal
against one abusive address would turn the measurement into a measurement of 429 pages. Every
other setting is the production one (DJANGO_ENV=production in the environment).
"""

import os
from pathlib import Path

from portal.settings import *  # noqa: F403

# collectstatic's output for the benchmark servers, apart from the `static/` of `make run`.
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", BASE_DIR / ".venv" / "bench-static"))  # noqa: F405

UNLIMITED = 10**9

# Names of per-address or per-member limits, whichever app defines them; a limit added later
# whose name follows the same pattern is lifted too, one that does not shows up as errors.
for _name, _value in list(globals().items()):
    if (
        _name.isupper()
        and isinstance(_value, int)
        and not isinstance(_value, bool)
        and _name.endswith(("_RATE_LIMIT", "_PER_HOUR", "_PER_MINUTE", "_PER_ADDRESS", "_LIMIT"))
    ):
        globals()[_name] = UNLIMITED
CHAT_RATE_LIMIT = UNLIMITED
# portal.ratelimit's table of "events/period" rates, one per scope.
if isinstance(globals().get("RATE_LIMITS"), dict):
    RATE_LIMITS = dict.fromkeys(RATE_LIMITS, f"{UNLIMITED}/s")  # noqa: F405
REFERRAL_SUBMISSIONS_PER_HOUR = UNLIMITED

_rest = dict(REST_FRAMEWORK)  # noqa: F405
if "DEFAULT_THROTTLE_RATES" in _rest:
    _rest["DEFAULT_THROTTLE_RATES"] = dict.fromkeys(
        _rest["DEFAULT_THROTTLE_RATES"], f"{UNLIMITED}/second"
    )
REST_FRAMEWORK = _rest
