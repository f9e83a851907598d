"""Date, time and number formats per interface language where Django's own read wrongly for the
portal's visitors (FORMAT_MODULE_PATH): whatever a module leaves out comes from Django's.

Ukrainian and Russian day-month dates take the genitive ("8 грудня", "E"), English follows the
British day-month order instead of the US one ("11 December 2025"), Arabic dates with a time keep
the day first, and no language pads the day with a zero.
"""
