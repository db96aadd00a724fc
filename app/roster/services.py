"""Who is on duty on a date: the recurring shifts, public holidays, then the date's exceptions."""
import calendar
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from app.community.models import Member
from app.core.timeutil import VN_TZ
from app.extensions import db
from app.roster.models import SESSIONS, DutyException, DutyShift

Roster = dict[date, dict[str, list[Member]]]


def today() -> date:
    """Today's date in Vietnam (the server's clock may run in UTC)."""
    return datetime.now(VN_TZ).date()


@lru_cache(maxsize=32)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year, language="vi")


def holiday_name(day: date) -> str | None:
    """The Vietnamese public holiday on `day`, or None."""
    return _holidays(day.year).get(day)


def roster_between(first: date, last: date) -> Roster:
    """{day: {session: members on duty}} for every day from `first` to `last`, in two queries."""
    shifts = db.session.scalars(
        select(DutyShift).options(selectinload(DutyShift.member))
        .where(DutyShift.starts_on <= last, or_(DutyShift.ends_on.is_(None), DutyShift.ends_on >= first))
        .order_by(DutyShift.id)).all()
    exceptions = db.session.scalars(
        select(DutyException).options(selectinload(DutyException.member))
        .where(DutyException.day.between(first, last)).order_by(DutyException.id)).all()
    roster: Roster = {}
    day = first
    while day <= last:
        todays = [e for e in exceptions if e.day == day]
        roster[day] = {s: _on_duty(day, s, shifts, todays) for s in SESSIONS}
        day += timedelta(days=1)
    return roster


def _on_duty(day: date, session: str, shifts, exceptions) -> list[Member]:
    """Swaps win; else a holiday or a closed day means nobody; else the roster minus absences.

    A whole-day swap replaces the sessions the roster has someone in; a swap for one session
    always applies (that is how someone is put on duty on a holiday).
    """
    rostered = [s.member for s in shifts if s.session == session and s.covers(day) and s.member.is_active_on(day)]
    relevant = [e for e in exceptions if e.applies_to(session)]
    swaps = [e.member for e in relevant if e.kind == "swap" and e.member and (e.session or rostered)]
    if swaps:
        return swaps
    if holiday_name(day) or any(e.kind == "closed" for e in relevant):
        return []
    away = {e.member_id for e in relevant if e.kind == "absence"}
    return [m for m in rostered if m.id not in away]


def on_duty(day: date) -> dict[str, list[Member]]:
    """{session: members} on `day`."""
    return roster_between(day, day)[day]


def month_weeks(year: int, month: int) -> list[list[date | None]]:
    """The month as weeks Monday to Sunday, None outside the month."""
    return [[d if d.month == month else None for d in week]
            for week in calendar.Calendar().monthdatescalendar(year, month)]


def duty_sentence(duty: dict[str, list[Member]]) -> str | None:
    """The kiosk line: who helps with online filing today and when, or None."""
    morning = [m.name for m in duty.get("morning", [])]
    afternoon = [m.name for m in duty.get("afternoon", [])]
    if not morning and not afternoon:
        return None
    if morning == afternoon:
        parts = [f"{_names(morning)} (buổi sáng và buổi chiều)"]
    else:
        parts = [f"{_names(names)} ({SESSIONS[s]})" for s, names in (("morning", morning), ("afternoon", afternoon)) if names]
    return f"Hôm nay có {' và '.join(parts)} hỗ trợ nộp hồ sơ trực tuyến tại quầy."


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]
