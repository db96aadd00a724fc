"""Month-by-month figures for the trend chart, counted in one query, drawn as a plain SVG."""
from dataclasses import dataclass

from sqlalchemy import case, func, select

from app.catalog.models import Procedure
from app.dossiers.models import RESOLVED, Dossier
from app.dossiers.statistics import Period, _n
from app.extensions import db

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 260, 48, 40, 16


@dataclass(frozen=True)
class Month:
    label: str
    received: int
    online: int
    resolved: int
    in_time: int


def monthly(months: list[Period], field_id: int | None = None) -> list[Month]:
    """Received, online, resolved and resolved in time for each month, in two grouped queries.

    Each query reads one indexed time range and buckets its rows by month with one CASE, which
    costs far less than a SUM(CASE ...) per month and figure over the whole window.
    """
    d = Dossier
    received = _by_month(months, d.received_at, field_id, [func.count(d.id), _n(d.channel == "online")])
    resolved = _by_month(months, d.finished_at, field_id, [func.count(d.id), _n(d.finished_on <= d.due_date)],
                         d.status == RESOLVED)
    return [Month(f"{m.start:%m/%y}", *received.get(i, (0, 0)), *resolved.get(i, (0, 0)))
            for i, m in enumerate(months)]


def _by_month(months: list[Period], column, field_id: int | None, figures: list, *conditions) -> dict:
    """{month number: figures} for rows whose `column` falls in the months."""
    bucket = case(*((column < month.end_utc, i) for i, month in enumerate(months))).label("bucket")
    query = (select(bucket, *figures).select_from(Dossier)
             .where(column >= months[0].start_utc, column < months[-1].end_utc, *conditions)
             .group_by(bucket))
    if field_id:
        query = query.join(Procedure, Procedure.id == Dossier.procedure_id).where(Procedure.field_id == field_id)
    return {row[0]: tuple(int(v) for v in row[1:]) for row in db.session.execute(query)}


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    y: float
    height: float
    value: int
    series: str


def chart(months: list[Month]) -> dict:
    """Geometry of a grouped bar chart (received, online, resolved in time) for the SVG template."""
    # A scale in whole steps, so the four grid lines carry whole numbers.
    step = -(-max([m.received for m in months] + [m.in_time for m in months] + [1]) // 4)
    peak = step * 4
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    slot = plot_w / len(months)
    bar_w = slot / 4
    bars, labels = [], []
    for i, month in enumerate(months):
        x0 = LEFT + i * slot + bar_w / 2
        for j, (series, value) in enumerate((("received", month.received), ("online", month.online),
                                             ("in-time", month.in_time))):
            height = plot_h * value / peak
            bars.append(Bar(round(x0 + j * bar_w, 1), round(bar_w - 1, 1), round(TOP + plot_h - height, 1),
                            round(height, 1), value, series))
        labels.append((round(LEFT + i * slot + slot / 2, 1), month.label))
    ticks = [(round(TOP + plot_h - plot_h * k / 4, 1), step * k) for k in range(5)]
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "base": TOP + plot_h, "bars": bars,
            "labels": labels, "ticks": ticks, "label_y": HEIGHT - BOTTOM + 18}
