"""Demo data apart from the product: a plausible network, accounts, pages and `load_demo`.

Installed on the embedded default and in tests, left out of production unless DEMO=true
(portal/settings.py). No product module imports it; tests/test_demo_apart.py checks that.
"""
