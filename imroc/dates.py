"""Dates in text that Python writes (messages, emails, notices, labels), through the
project's named formats (``imroc/formats/en_GB``) as templates name them: "5 October 2025"
in text, "5 Oct 2025" in tables. A module never spells a display format of its own
(``tests/test_dates.py`` holds that); machine dates (keys, files, ISO) stay ISO."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format


def _local(value):
    """A moment is written as the programme's local day and time, as templates do."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def long_date(value) -> str:
    """5 October 2025"""
    return date_format(_local(value), "DATE_FORMAT")


def short_date(value) -> str:
    """5 Oct 2025, in tables and lists"""
    return date_format(_local(value), "SHORT_DATE_FORMAT")


def long_datetime(value) -> str:
    """5 October 2025, 14:30"""
    return date_format(_local(value), "DATETIME_FORMAT")


def day_month(value) -> str:
    """5 October, in a subject line where the year goes without saying"""
    return date_format(_local(value), "MONTH_DAY_FORMAT")


def month_year(value) -> str:
    """October 2025"""
    return date_format(_local(value), "YEAR_MONTH_FORMAT")


def weekday(value) -> str:
    """Monday"""
    return date_format(_local(value), "l")


def weekday_date(value) -> str:
    """Monday 5 October 2025, for the day of a workshop"""
    return f"{weekday(value)} {long_date(value)}"
