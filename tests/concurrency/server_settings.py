"""Settings of the portal processes the concurrency suite starts: the benchmarks' settings, i.e.
the production module with the per-address and per-member limits lifted, since every simulated
visitor comes from 127.0.0.1."""

from benchmarks.settings import *  # noqa: F403
