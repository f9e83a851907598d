"""Bringing actors in from spreadsheets and HSDS data packages.

Every source is turned into the same records first (reading and checking, no database writes),
so that a dry run, the admin preview and the real import report exactly the same outcome.
"""
