"""Dates written one way everywhere: "5 October 2025" in text, "5 Oct 2025" in tables.

Django's own en-gb formats ("25 Oct 2006", "25/10/2006 2:30 p.m.") win over settings'
DATE_FORMAT while the locale is active, so the project's formats live here
(``FORMAT_MODULE_PATH``). Templates name these formats (``|date``,
``|date:"SHORT_DATE_FORMAT"``), Python writes dates through them (``imroc.dates``), and
neither spells a format of its own (tests/test_dates.py holds that). Dates are still typed
the UK way (25/10/2006)."""

DATE_FORMAT = "j F Y"  # 5 October 2025
SHORT_DATE_FORMAT = "j M Y"  # 5 Oct 2025, in tables
DATETIME_FORMAT = "j F Y, H:i"  # 5 October 2025, 14:30
SHORT_DATETIME_FORMAT = "j M Y, H:i"  # 5 Oct 2025, 14:30
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"  # October 2025
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1  # Monday

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d %b %Y", "%d %B %Y"]  # and ISO, always
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
