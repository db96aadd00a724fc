"""Recurring duty shifts and the single-date exceptions that override them."""
from datetime import date

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.community.models import Member
from app.extensions import db

SESSIONS = {"morning": "buổi sáng", "afternoon": "buổi chiều"}
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
EXCEPTION_KINDS = {
    "swap": "Người khác trực thay",
    "absence": "Vắng (không ai thay)",
    "closed": "Nghỉ, không ai trực",
}


class DutyShift(db.Model):
    """A member on duty every given weekday (0 = Monday) in one session, from a date on."""

    __tablename__ = "duty_shift"
    __table_args__ = (UniqueConstraint("member_id", "weekday", "session", name="uq_duty_shift_member_slot"),)
    # The kiosk home says who is on duty today.
    __revision__ = "kiosk"
    __audit_label__ = "Lịch trực"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int]
    session: Mapped[str] = mapped_column(String(10))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    member: Mapped[Member] = relationship()

    def covers(self, day: date) -> bool:
        """True when this shift applies on `day` (weekday and validity dates)."""
        return (day.weekday() == self.weekday and self.starts_on <= day
                and (self.ends_on is None or day <= self.ends_on))

    @property
    def weekday_label(self) -> str:
        return WEEKDAYS[self.weekday]

    @property
    def session_label(self) -> str:
        return SESSIONS[self.session]


class DutyException(db.Model):
    """One date that differs from the roster: a swap, an absence, or no duty at all.

    `session` None means the whole day. For a swap `member_id` is who is on duty instead; for an
    absence it is who is away; for 'closed' it is empty.
    """

    __tablename__ = "duty_exception"
    __revision__ = "kiosk"
    __audit_label__ = "Ngoại lệ lịch trực"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    session: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(10))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="CASCADE"))
    note: Mapped[str | None] = mapped_column(String(200))

    member: Mapped[Member | None] = relationship()

    def applies_to(self, session: str) -> bool:
        return self.session is None or self.session == session

    @property
    def kind_label(self) -> str:
        return EXCEPTION_KINDS[self.kind]

    @property
    def session_label(self) -> str:
        return SESSIONS[self.session] if self.session else "cả ngày"
