"""The one-stop statistics in the district report's layout, counted by the database.

For a period [start, end] (Vietnam dates) and per field:
- carried over: received before the start and not finished before it;
- received in the period, by channel, and how many were digitised;
- finished in the period: resolved (early / on time / late against the due date), rejected,
  returned for more papers, withdrawn;
- still in progress at the end: within time or overdue (due before the day after a past period;
  in the current period, due before today).
So carried + received = resolved + rejected + returned + withdrawn + in progress, per row.
Rates are cut (not rounded) to two decimals: a rate never shows above its true value, so a
target is never shown met when it was missed by a hair.
"""
from dataclasses import dataclass, field as dataclass_field
from datetime import date, datetime, time, timedelta, timezone
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from flask import current_app
from sqlalchemy import and_, case, func, or_, select

from app.catalog.models import Field, Procedure
from app.core.timeutil import VN_TZ, to_local, utcnow
from app.dossiers.models import RATINGS, REJECTED, RESOLVED, RETURNED, WITHDRAWN, Dossier, Rating
from app.extensions import db

COUNTS = ("carried", "received", "direct", "online", "postal", "digitised", "resolved", "early",
          "on_time", "late", "rejected", "returned", "withdrawn", "in_progress", "within_time", "overdue")
DEFAULT_TARGET = 90
TREND_MONTHS = 12


def utc_start(day: date) -> datetime:
    """The UTC instant a Vietnam day starts, naive like the stored times."""
    return datetime.combine(day, time(), VN_TZ).astimezone(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    label: str

    @property
    def start_utc(self) -> datetime:
        return utc_start(self.start)

    @property
    def end_utc(self) -> datetime:
        return utc_start(self.end + timedelta(days=1))


@dataclass(frozen=True)
class Rate:
    """A share of a whole, in percent, with the target it is judged against."""

    part: int
    whole: int
    target: int

    @property
    def percent(self) -> Decimal | None:
        if not self.whole:
            return None
        exact = Fraction(self.part * 100, self.whole)
        return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.01"), ROUND_DOWN)

    @property
    def met(self) -> bool | None:
        return None if not self.whole else self.part * 100 >= self.target * self.whole


@dataclass
class Row:
    field_id: int | None
    name: str
    counts: dict[str, int]
    ratings: dict[str, int] = dataclass_field(default_factory=lambda: dict.fromkeys(RATINGS, 0))

    def __getattr__(self, name: str) -> int:
        counts = self.__dict__.get("counts", {})
        if name in counts:
            return counts[name]
        raise AttributeError(name)

    @property
    def handled(self) -> int:
        """Carried over plus received: everything the counter had on its hands."""
        return self.counts["carried"] + self.counts["received"]

    def rates(self, targets: dict[str, int]) -> dict[str, Rate]:
        c = self.counts
        return {
            "online": Rate(c["online"], c["received"], targets["online"]),
            "digitised": Rate(c["digitised"], c["received"], targets["digitised"]),
            "on_time": Rate(c["early"] + c["on_time"], c["resolved"], targets["on_time"]),
        }


@dataclass
class Report:
    period: Period
    rows: list[Row]
    total: Row
    targets: dict[str, int]


def targets() -> dict[str, int]:
    """Target percentages, from config STATISTICS_TARGETS (default 90 % each)."""
    configured = current_app.config.get("STATISTICS_TARGETS", {})
    return {name: int(configured.get(name, DEFAULT_TARGET)) for name in ("online", "digitised", "on_time")}


def _n(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def overdue_from(period: Period, today: date) -> date:
    """Open dossiers due before this day are overdue: the day after a past period, else today
    (a dossier due today, or next week, in the current month is not late yet)."""
    return period.end + timedelta(days=1) if period.end < today else today


def count_columns(period: Period, today: date) -> dict:
    """One SUM(CASE ...) per cell of the report."""
    d, start, end = Dossier, period.start_utc, period.end_utc
    overdue = overdue_from(period, today)
    received = and_(d.received_at >= start, d.received_at < end)
    finished = and_(d.finished_at >= start, d.finished_at < end)
    resolved = and_(finished, d.status == RESOLVED)
    still_open = or_(d.finished_at.is_(None), d.finished_at >= end)
    return {
        "carried": _n(d.received_at < start),
        "received": _n(received),
        "direct": _n(and_(received, d.channel == "direct")),
        "online": _n(and_(received, d.channel == "online")),
        "postal": _n(and_(received, d.channel == "postal")),
        "digitised": _n(and_(received, d.digitised.is_(True))),
        "resolved": _n(resolved),
        "early": _n(and_(resolved, d.finished_on < d.due_date)),
        "on_time": _n(and_(resolved, d.finished_on == d.due_date)),
        "late": _n(and_(resolved, d.finished_on > d.due_date)),
        "rejected": _n(and_(finished, d.status == REJECTED)),
        "returned": _n(and_(finished, d.status == RETURNED)),
        "withdrawn": _n(and_(finished, d.status == WITHDRAWN)),
        "in_progress": _n(still_open),
        "within_time": _n(and_(still_open, d.due_date >= overdue)),
        "overdue": _n(and_(still_open, d.due_date < overdue)),
    }


def field_counts(period: Period, today: date, field_id: int | None = None) -> list[Row]:
    """The report's rows, one per field with dossiers in play, in the kiosk's field order."""
    columns = count_columns(period, today)
    query = (
        select(Procedure.field_id, *(column.label(name) for name, column in columns.items()))
        .select_from(Dossier).join(Procedure, Procedure.id == Dossier.procedure_id)
        # Only dossiers the period saw: received before its end and not finished before its start.
        .where(Dossier.received_at < period.end_utc,
               or_(Dossier.finished_at.is_(None), Dossier.finished_at >= period.start_utc))
        .group_by(Procedure.field_id)
    )
    if field_id:
        query = query.where(Procedure.field_id == field_id)
    counted = {row.field_id: {name: int(row._mapping[name]) for name in COUNTS} for row in db.session.execute(query)}
    fields = db.session.execute(select(Field.id, Field.name).where(Field.id.in_(counted))
                                .order_by(Field.position, Field.name))
    return [Row(id_, name, counted[id_]) for id_, name in fields]


def add_ratings(period: Period, rows: list[Row]) -> None:
    """Ratings given in the period, by field and score, onto the rows."""
    query = (
        select(Procedure.field_id, Rating.score, func.count(Rating.id))
        .join(Dossier, Dossier.id == Rating.dossier_id).join(Procedure, Procedure.id == Dossier.procedure_id)
        .where(Rating.created_at >= period.start_utc, Rating.created_at < period.end_utc)
        .group_by(Procedure.field_id, Rating.score)
    )
    by_field = {row.field_id: row for row in rows}
    for field_id, score, count in db.session.execute(query):
        row = by_field.get(field_id)
        if row is None:  # rated in the period, dossier not in play in it
            row = Row(field_id, db.session.get(Field, field_id).name, dict.fromkeys(COUNTS, 0))
            by_field[field_id] = row
            rows.append(row)
        if score in row.ratings:
            row.ratings[score] += count


def build_report(period: Period, field_id: int | None = None, today: date | None = None) -> Report:
    """Every cell of the report for `period`, with a total row."""
    rows = field_counts(period, today or to_local(utcnow()).date(), field_id)
    add_ratings(period, rows)
    if field_id:
        rows = [row for row in rows if row.field_id == field_id]
    total = Row(None, "Tổng cộng", {name: sum(row.counts[name] for row in rows) for name in COUNTS})
    for score in RATINGS:
        total.ratings[score] = sum(row.ratings[score] for row in rows)
    return Report(period, rows, total, targets())


def format_count(value: int) -> str:
    """1234 -> '1.234'."""
    return f"{value:,}".replace(",", ".")


def format_percent(value: Decimal | None) -> str:
    """Decimal('45.72') -> '45,72 %'; no whole -> '–'."""
    if value is None:
        return "–"
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") + " %"
