"""Queue numbers: service groups, counters, the per-group daily sequence, tickets and their calls."""
from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, String, Table, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.timeutil import utcnow
from app.extensions import db

STATUSES = {"waiting": "Đang chờ", "called": "Đang phục vụ", "served": "Đã xong", "no_show": "Vắng mặt"}
MAX_NUMBER = 999  # three digits on the ticket: A001 to A999 a day

counter_group = Table(
    "counter_group", db.metadata,
    Column("counter_id", ForeignKey("counter.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", ForeignKey("service_group.id", ondelete="CASCADE"), primary_key=True),
)


class ServiceGroup(db.Model):
    """A kind of business at the counter (Hộ tịch – Chứng thực, Đất đai...), whose numbers share a letter."""

    __tablename__ = "service_group"
    # The kiosk home offers "Lấy số thứ tự" only once a group exists.
    __revision__ = "kiosk"
    __audit_label__ = "Nhóm dịch vụ"

    id: Mapped[int] = mapped_column(primary_key=True)
    letter: Mapped[str] = mapped_column(String(1), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(default=0)
    # Typed into the intake form's procedure box when an officer opens it from a ticket (may be empty).
    intake_hint: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)

    @classmethod
    def in_order(cls, active_only: bool = False):
        query = select(cls).order_by(cls.position, cls.letter)
        return query.where(cls.active.is_(True)) if active_only else query


class Counter(db.Model):
    """A desk where an officer serves; numbers are called to it by its number."""

    __tablename__ = "counter"
    __audit_label__ = "Quầy"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(default=True)

    groups: Mapped[list[ServiceGroup]] = relationship(secondary=counter_group, order_by=ServiceGroup.position)

    @property
    def label(self) -> str:
        return f"Quầy số {self.number}" + (f" – {self.name}" if self.name else "")

    @classmethod
    def by_number(cls, number: int) -> "Counter | None":
        return db.session.scalar(select(cls).where(cls.number == number))

    @classmethod
    def in_order(cls, active_only: bool = False):
        query = select(cls).order_by(cls.number)
        return query.where(cls.active.is_(True)) if active_only else query


class TicketSequence(db.Model):
    """The last number given in a group on a day: one row, incremented in one statement per ticket."""

    __tablename__ = "ticket_sequence"
    __audit__ = False

    group_id: Mapped[int] = mapped_column(ForeignKey("service_group.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_number: Mapped[int] = mapped_column(default=0)


class Ticket(db.Model):
    """One number taken at the kiosk, from waiting through its calls to served or no-show."""

    __tablename__ = "ticket"
    __table_args__ = (UniqueConstraint("group_id", "day", "number", name="uq_ticket_group_day_number"),)
    __audit__ = False  # hundreds a day, nobody's personal data: the ticket is its own record

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("service_group.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date, index=True)
    number: Mapped[int]
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)
    waiting_ahead: Mapped[int] = mapped_column(default=0)  # as printed on the ticket
    status: Mapped[str] = mapped_column(String(10), default="waiting", index=True)
    # The counter serving it; while waiting, the counter it was transferred to (served there first).
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id", ondelete="SET NULL"))
    first_called_at: Mapped[datetime | None]
    called_at: Mapped[datetime | None]  # the latest call: the citizen's service starts about then
    finished_at: Mapped[datetime | None]

    group: Mapped[ServiceGroup] = relationship()
    counter: Mapped[Counter | None] = relationship()

    @property
    def code(self) -> str:
        """The printed number: the group's letter and three digits, e.g. A015."""
        return f"{self.group.letter}{self.number:03d}"

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    @classmethod
    def waiting_counts(cls, day: date) -> dict[int, int]:
        """{group id: tickets waiting} on `day`."""
        rows = db.session.execute(select(cls.group_id, func.count()).where(
            cls.day == day, cls.status == "waiting").group_by(cls.group_id))
        return dict(rows.all())


class Call(db.Model):
    """One call of a ticket to a counter (a recall is a new call): what the hall screen announces."""

    __tablename__ = "ticket_call"
    __audit__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"), index=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id", ondelete="CASCADE"))
    called_at: Mapped[datetime] = mapped_column(default=utcnow)

    ticket: Mapped[Ticket] = relationship()
    counter: Mapped[Counter] = relationship()

    @property
    def announcement(self) -> str:
        """What the hall hears: the number's value, not its zeros ("Mời số A mười lăm đến quầy số hai")."""
        return f"Mời số {self.ticket.group.letter} {self.ticket.number} đến quầy số {self.counter.number}"
