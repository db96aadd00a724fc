"""Hamlets, digital-team members and the help they give, as the activity log records it."""
from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text, or_, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.collation import sorted_by_name
from app.core.timeutil import utcnow
from app.extensions import db

ROLES = {"leader": "Tổ trưởng", "member": "Thành viên"}
ORGANISATIONS = {
    "youth_union": "Đoàn Thanh niên",
    "womens_union": "Hội Phụ nữ",
    "police": "Công an",
    "other": "Khác",
}
KINDS = {
    "vneid_1": "VNeID mức độ 1",
    "vneid_2": "VNeID mức độ 2",
    "cashless": "Thanh toán không dùng tiền mặt",
    "online_filing": "Nộp hồ sơ trực tuyến",
    "health_app": "Ứng dụng sức khỏe",
    "other": "Khác",
}


class Hamlet(db.Model):
    """An ấp/thôn of the commune; its community digital team is the members attached to it."""

    __tablename__ = "hamlet"
    __audit_label__ = "Ấp/thôn"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(default=0)

    members: Mapped[list["Member"]] = relationship(back_populates="hamlet", order_by="Member.name")

    @property
    def members_by_name(self) -> list["Member"]:
        """The team in Vietnamese alphabetical order (Đặng before Ngô)."""
        return sorted_by_name(self.members)

    @classmethod
    def all_by_name(cls) -> list["Hamlet"]:
        """Every hamlet in Vietnamese order, numbers by value ("Ấp 2" before "Ấp 10")."""
        return sorted_by_name(db.session.scalars(select(cls)), numeric=True)


class Member(db.Model):
    """A person of a hamlet's digital team, or of the youth union on duty at the counter."""

    __tablename__ = "team_member"
    # The duty panel on the kiosk home shows members' names.
    __revision__ = "kiosk"
    # A private phone number: named in the audit log, never shown there.
    __audit_secret__ = frozenset({"phone"})
    __audit_label__ = "Thành viên tổ công nghệ số"

    id: Mapped[int] = mapped_column(primary_key=True)
    hamlet_id: Mapped[int | None] = mapped_column(ForeignKey("hamlet.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20), default="member")
    phone: Mapped[str | None] = mapped_column(String(20))
    organisation: Mapped[str] = mapped_column(String(20), default="other")
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)

    hamlet: Mapped[Hamlet | None] = relationship(back_populates="members")

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    @property
    def organisation_label(self) -> str:
        return ORGANISATIONS.get(self.organisation, self.organisation)

    def is_active_on(self, day: date) -> bool:
        """Joined by `day` (or no date given) and not yet left."""
        return (self.joined_on is None or self.joined_on <= day) and (self.left_on is None or self.left_on > day)

    @classmethod
    def active_on(cls, day: date) -> list["Member"]:
        """Members still in a team on `day`, in Vietnamese alphabetical order."""
        return sorted_by_name(db.session.scalars(select(cls).where(or_(cls.left_on.is_(None), cls.left_on > day))))

    @classmethod
    def without_hamlet(cls) -> list["Member"]:
        """Members of no hamlet team (counter duty only), in Vietnamese alphabetical order."""
        return sorted_by_name(db.session.scalars(select(cls).where(cls.hamlet_id.is_(None))))


activity_member = Table(
    "activity_member",
    db.Model.metadata,
    Column("activity_id", Integer, ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", Integer, ForeignKey("team_member.id", ondelete="CASCADE"), primary_key=True),
)


class Activity(db.Model):
    """One outing of a team: where, who, which kind of help, and how many people were helped."""

    __tablename__ = "activity"
    __audit_label__ = "Hoạt động tổ công nghệ số"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    hamlet_id: Mapped[int] = mapped_column(ForeignKey("hamlet.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    people_helped: Mapped[int] = mapped_column(default=0)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    hamlet: Mapped[Hamlet] = relationship()
    members: Mapped[list[Member]] = relationship(secondary=activity_member, order_by=Member.name)

    @property
    def members_by_name(self) -> list[Member]:
        return sorted_by_name(self.members)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)
