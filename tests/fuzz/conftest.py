"""Hypothesis profiles for the fuzz tests.

The suite runs a few reproducible examples per property (`ci`: derandomized, so a failure in
CI fails the same way on a laptop); `HYPOTHESIS_PROFILE=fuzz` runs many random ones for a deeper
search. The Django tests share one database transaction per test function across all examples,
hence the function_scoped_fixture health check is off: the fixtures only create read-only data,
and what examples write (referrals) does not change what the next example checks.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    "print_blob": True,
}
settings.register_profile("ci", max_examples=50, derandomize=True, database=None, **COMMON)
settings.register_profile("fuzz", max_examples=2000, **COMMON)
