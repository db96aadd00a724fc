"""Working days in Vietnam, and a dossier's due date from its procedure's processing time.

Days are counted from the working day after the receipt, as the one-stop rules do; weekends and
the public holidays the `holidays` package knows for Vietnam (lunar Tết included) do not count.
A time in calendar days that ends on a day off moves to the next working day.
"""
from datetime import date, timedelta
from functools import lru_cache

import holidays

from app.catalog import display

HOURS_PER_DAY = 8


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("VN", years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def next_working_day(day: date) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, count: int) -> date:
    """The `count`-th working day after `start` (`start` itself is not counted)."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def due_date(received_on: date, span: tuple[int, str] | None) -> date | None:
    """The due date for a processing time (number, unit); None when a person must set it."""
    if span is None:
        return None
    number, unit = span
    if unit == "ngày làm việc":
        return add_working_days(received_on, number)
    if unit == "ngày":
        return next_working_day(received_on + timedelta(days=number))
    if unit in ("giờ", "giờ làm việc"):
        # Less than a working day: the same day (or the next working day after a day off).
        days = -(-number // HOURS_PER_DAY)
        return add_working_days(received_on, days) if number >= HOURS_PER_DAY else next_working_day(received_on)
    return None  # months and other units: the officer enters the date


def procedure_due_date(procedure, channel_name: str, received_on: date) -> date | None:
    """The due date of a dossier for `procedure` received on `received_on` through a channel
    (named as the catalogue names it, e.g. 'Trực tiếp'); None when the time is unclear."""
    if procedure is None:
        return None
    span = display.confirmed_time(procedure) or display.processing_span(procedure.processing_time, channel_name)
    return due_date(received_on, span)
