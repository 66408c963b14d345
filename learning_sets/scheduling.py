"""Checks on a workshop's date before an organiser commits to it: weekends, bank holidays
in England and Wales (the `holidays` package, no outside call) and clashes with another
workshop of the same set or at the same venue. They warn; the organiser may confirm."""

import calendar
import datetime
from functools import lru_cache

import holidays

from imroc.dates import long_date, weekday_date

from .models import Workshop


@lru_cache(maxsize=32)
def _bank_holidays(year: int) -> dict[datetime.date, str]:
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def series_dates(first_date: datetime.date, months_apart: int, count: int) -> list[datetime.date]:
    """The first date as chosen, then every ``months_apart`` months, each later date moved
    to the next working day so the generator never lands on a weekend or bank holiday."""
    dates = [first_date]
    for n in range(1, count):
        day = add_months(first_date, months_apart * n)
        while not is_working_day(day):
            day += datetime.timedelta(days=1)
        dates.append(day)
    return dates


def day_warnings(day: datetime.date) -> list[str]:
    label = weekday_date(day)
    if day.weekday() >= 5:
        return [f"{label} falls on a weekend."]
    name = _bank_holidays(day.year).get(day)
    return [f"{label} is a bank holiday in England and Wales ({name})."] if name else []


def clash_warnings(
    days: list[datetime.date], *, learning_set, venue=None, exclude: Workshop | None = None
) -> list[str]:
    """Other workshops on any of ``days`` in the same set or at the same venue (one query)."""
    others = Workshop.objects.filter(date__in=days).select_related("learning_set", "venue")
    if exclude is not None and exclude.pk:
        others = others.exclude(pk=exclude.pk)
    warnings = []
    for other in others.order_by("date", "pk"):
        when = long_date(other.date)
        if other.learning_set_id == learning_set.pk:
            warnings.append(f"Workshop {other.number} of this set is already on {when}.")
        elif venue is not None and other.venue_id == venue.pk:
            warnings.append(f"{venue.name} is already booked on {when} for {other.learning_set}.")
    return warnings


def schedule_warnings(
    days: list[datetime.date], *, learning_set, venue=None, exclude: Workshop | None = None
) -> list[str]:
    warnings = [warning for day in days for warning in day_warnings(day)]
    starts = learning_set.start_date
    warnings += [
        f"{weekday_date(day)} is before the set starts, on {long_date(starts)}."
        for day in days
        if starts and day < starts
    ]
    return warnings + clash_warnings(days, learning_set=learning_set, venue=venue, exclude=exclude)
