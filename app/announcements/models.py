"""An announcement: a short line the kiosk home shows from its start date to its end date."""
from datetime import date

from sqlalchemy import Date, String, or_, select
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class Announcement(db.Model):
    """One line of news with the dates (inclusive, Vietnam time) it is shown on."""

    __tablename__ = "announcement"
    __revision__ = "kiosk"
    __audit_label__ = "Thông báo"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    def is_active_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    @classmethod
    def active_on(cls, day: date):
        """Announcements shown on `day`, the newest start first."""
        return (select(cls).where(cls.starts_on <= day, or_(cls.ends_on.is_(None), cls.ends_on >= day))
                .order_by(cls.starts_on.desc(), cls.id.desc()))
