"""Queue figures for a period: tickets, served, no-shows, waiting and service times, busiest hours."""
import math
import statistics
from collections import Counter as Tally
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.core.timeutil import to_local
from app.extensions import db
from app.queue.models import Ticket

BUSIEST_HOURS = 3


def percentile(values: list[float], p: int) -> float | None:
    """The nearest-rank p-th percentile (median = 50), or None without values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


@dataclass
class QueueRow:
    """One line of the table: a day, a group or a counter."""

    name: str
    tickets: int = 0
    served: int = 0
    no_shows: int = 0
    waits: list[float] = field(default_factory=list)  # minutes from taking the number to the first call
    services: list[float] = field(default_factory=list)  # minutes from the last call to done

    def add(self, ticket: Ticket) -> None:
        self.tickets += 1
        self.served += ticket.status == "served"
        self.no_shows += ticket.status == "no_show"
        if ticket.first_called_at:
            self.waits.append((ticket.first_called_at - ticket.taken_at).total_seconds() / 60)
        if ticket.status == "served" and ticket.called_at and ticket.finished_at:
            self.services.append((ticket.finished_at - ticket.called_at).total_seconds() / 60)

    @property
    def wait_median(self): return percentile(self.waits, 50)

    @property
    def wait_p90(self): return percentile(self.waits, 90)

    @property
    def service_median(self): return percentile(self.services, 50)

    @property
    def service_p90(self): return percentile(self.services, 90)


@dataclass
class QueueReport:
    by_day: list[QueueRow]
    by_group: list[QueueRow]
    by_counter: list[QueueRow]
    total: QueueRow
    busiest_hours: list[tuple[int, int]]  # (hour, tickets taken), busiest first


def _rows(tickets: Iterable[Ticket], name: Callable[[Ticket], str], order: Callable[[Ticket], object]) -> list[QueueRow]:
    rows: dict[object, QueueRow] = {}
    for ticket in sorted(tickets, key=order):
        rows.setdefault(name(ticket), QueueRow(name(ticket))).add(ticket)
    return list(rows.values())


def build_report(first, last) -> QueueReport:
    """Figures of the tickets taken from `first` to `last` (dates, inclusive), in one query."""
    tickets = db.session.scalars(select(Ticket).options(selectinload(Ticket.group), selectinload(Ticket.counter))
                                 .where(Ticket.day.between(first, last))).all()
    total = QueueRow("Tổng cộng")
    for ticket in tickets:
        total.add(ticket)
    hours = Tally(to_local(ticket.taken_at).hour for ticket in tickets)
    return QueueReport(
        by_day=_rows(tickets, lambda t: f"{t.day:%d/%m/%Y}", lambda t: t.day),
        by_group=_rows(tickets, lambda t: f"{t.group.letter} – {t.group.name}", lambda t: (t.group.position, t.group.letter)),
        by_counter=_rows([t for t in tickets if t.counter], lambda t: t.counter.label, lambda t: t.counter.number),
        total=total,
        busiest_hours=sorted(hours.items(), key=lambda item: (-item[1], item[0]))[:BUSIEST_HOURS],
    )


def minutes(value: float | None) -> str:
    """6.5 → '6,5' (Vietnamese decimal comma); '–' without data."""
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


COLUMNS = (("Số phát", lambda r: r.tickets), ("Đã phục vụ", lambda r: r.served), ("Vắng mặt", lambda r: r.no_shows),
           ("Chờ – trung vị (phút)", lambda r: r.wait_median), ("Chờ – 90% (phút)", lambda r: r.wait_p90),
           ("Phục vụ – trung vị (phút)", lambda r: r.service_median),
           ("Phục vụ – 90% (phút)", lambda r: r.service_p90))


def add_sheet(book, report: QueueReport, title: str) -> None:
    """The report as a sheet of an openpyxl workbook (the statistics export adds it)."""
    sheet = book.create_sheet("Số thứ tự")
    sheet.append([f"SỐ THỨ TỰ TẠI BỘ PHẬN MỘT CỬA – {title.upper()}"])
    for heading, rows in (("Theo ngày", report.by_day), ("Theo nhóm dịch vụ", report.by_group),
                          ("Theo quầy", report.by_counter)):
        sheet.append([])
        sheet.append([heading] + [label for label, _value in COLUMNS])
        for row in [*rows, report.total]:
            sheet.append([row.name] + [_cell(value(row)) for _label, value in COLUMNS])
    sheet.append([])
    sheet.append(["Giờ đông nhất", "Số phát"])
    for hour, count in report.busiest_hours:
        sheet.append([f"{hour:02d}:00–{hour + 1:02d}:00", count])
    sheet.column_dimensions["A"].width = 36


def _cell(value):
    return round(value, 1) if isinstance(value, float) else value
