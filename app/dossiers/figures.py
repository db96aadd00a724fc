"""The statistics page's figures, kept per worker until a dossier or a rating changes.

Counting a year of a large commune costs tens of milliseconds even in SQL, and viewers open
the same periods again and again; every write to a dossier or rating bumps the 'dossiers'
revision (app.core.database), which retires every kept report at once. The rendered table is
kept too: it holds no user's data and no CSRF token, and rendering it cost more than the rest.
"""
from flask import current_app

from app.core.database import current_revision
from app.core.timeutil import to_local, utcnow
from app.dossiers import periods, statistics, trend
from app.dossiers.statistics import Period, Report

MAX_KEPT = 64
_kept: dict[tuple, object] = {}


def kept(name: str, period: Period, field_id: int | None, extra, build):
    """`build()` once per revision of the register for (name, period, field, extra) in this worker."""
    targets = tuple(statistics.targets().items())
    # Today is part of the key: in the current period, what is overdue grows by the day.
    today = to_local(utcnow()).date()
    key = (current_app.config["SQLALCHEMY_DATABASE_URI"], current_revision("dossiers"), today, name, period,
           field_id, targets, extra)
    found = _kept.get(key)
    if found is None:
        if len(_kept) >= MAX_KEPT:
            _kept.clear()
        found = _kept[key] = build()
    return found


def figures(period: Period, field_id: int | None) -> tuple[Report, list[trend.Month]]:
    """The report and the monthly trend up to the period's end."""
    def build():
        months = periods.trend_months(period.end, statistics.TREND_MONTHS)
        return statistics.build_report(period, field_id), trend.monthly(months, field_id)
    return kept("figures", period, field_id, None, build)
