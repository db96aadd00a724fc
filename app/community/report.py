"""The monthly report: activities and people helped per hamlet and kind, a bar chart and XLSX."""
from dataclasses import dataclass, field
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from sqlalchemy import func, select

from app.community.models import KINDS, Activity, Hamlet
from app.core.spreadsheets import xlsx_bytes
from app.extensions import db

NO_ACTIVITY_FILL = PatternFill("solid", fgColor="FDE2E2")


@dataclass
class HamletRow:
    hamlet: Hamlet
    activities: dict[str, int] = field(default_factory=dict)  # kind -> number of activities
    people: dict[str, int] = field(default_factory=dict)  # kind -> people helped

    @property
    def total_activities(self) -> int:
        return sum(self.activities.values())

    @property
    def total_people(self) -> int:
        return sum(self.people.values())


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first day of the month and of the next one."""
    return date(year, month, 1), date(year + month // 12, month % 12 + 1, 1)


def monthly_report(year: int, month: int) -> list[HamletRow]:
    """One row per hamlet, in order, with its figures for the month summed in SQL."""
    first, after = month_bounds(year, month)
    rows = {h.id: HamletRow(h) for h in Hamlet.all_by_name()}
    totals = db.session.execute(
        select(Activity.hamlet_id, Activity.kind, func.count(Activity.id), func.sum(Activity.people_helped))
        .where(Activity.occurred_on >= first, Activity.occurred_on < after)
        .group_by(Activity.hamlet_id, Activity.kind))
    for hamlet_id, kind, count, people in totals:
        rows[hamlet_id].activities[kind] = count
        rows[hamlet_id].people[kind] = int(people or 0)
    return list(rows.values())


def kind_totals(rows: list[HamletRow]) -> dict[str, tuple[int, int]]:
    """kind -> (activities, people) over every hamlet."""
    return {k: (sum(r.activities.get(k, 0) for r in rows), sum(r.people.get(k, 0) for r in rows)) for k in KINDS}


def chart_bars(rows: list[HamletRow], width: int = 600) -> list[dict]:
    """Bars for the SVG chart of people helped per hamlet, scaled to `width` pixels."""
    top = max((r.total_people for r in rows), default=0) or 1
    return [{"label": r.hamlet.name, "value": r.total_people, "width": round(width * r.total_people / top),
             "y": i * 36} for i, r in enumerate(rows)]


def workbook_bytes(rows: list[HamletRow], year: int, month: int) -> bytes:
    """The report as an XLSX sheet: per kind the activities and people; empty hamlets shaded."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"{month:02d}-{year}"
    sheet.append([f"Báo cáo hoạt động Tổ công nghệ số cộng đồng tháng {month:02d}/{year}"])
    header = ["Ấp/thôn"]
    for label in KINDS.values():
        header += [f"{label} (lượt)", f"{label} (người)"]
    sheet.append(header + ["Tổng số lượt", "Tổng số người"])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        cells = [row.hamlet.name]
        for kind in KINDS:
            cells += [row.activities.get(kind, 0), row.people.get(kind, 0)]
        sheet.append(cells + [row.total_activities, row.total_people])
        if row.total_activities == 0:
            for cell in sheet[sheet.max_row]:
                cell.fill = NO_ACTIVITY_FILL
    sheet.column_dimensions["A"].width = 24
    return xlsx_bytes(book)
