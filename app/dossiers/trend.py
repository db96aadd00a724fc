"""Month-by-month figures for the trend chart, counted in one query, drawn as a plain SVG."""
from dataclasses import dataclass

from sqlalchemy import and_, select

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
    """Received, online, resolved and resolved in time for each month: CASE sums, one row."""
    d = Dossier
    columns = []
    for month in months:
        received = and_(d.received_at >= month.start_utc, d.received_at < month.end_utc)
        resolved = and_(d.finished_at >= month.start_utc, d.finished_at < month.end_utc, d.status == RESOLVED)
        columns += [_n(received), _n(and_(received, d.channel == "online")),
                    _n(resolved), _n(and_(resolved, d.finished_on <= d.due_date))]
    query = select(*columns).select_from(d).where(
        d.received_at < months[-1].end_utc,
        (d.finished_at.is_(None)) | (d.finished_at >= months[0].start_utc))
    if field_id:
        query = query.join(Procedure, Procedure.id == d.procedure_id).where(Procedure.field_id == field_id)
    values = [int(v) for v in db.session.execute(query).one()]
    return [Month(f"{m.start:%m/%y}", *values[4 * i:4 * i + 4]) for i, m in enumerate(months)]


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
