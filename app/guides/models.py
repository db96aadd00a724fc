"""Guides and their ordered steps; a step may carry an image and a link shown as a QR code."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.timeutil import utcnow
from app.extensions import db


class Guide(db.Model):
    """A guide, e.g. 'Cài đặt VNeID'; only published guides appear on the kiosk."""

    __tablename__ = "guide"
    __revision__ = "kiosk"
    __audit_label__ = "Hướng dẫn"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))
    published: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    steps: Mapped[list["GuideStep"]] = relationship(
        back_populates="guide", order_by="GuideStep.position", cascade="all, delete-orphan")

    @classmethod
    def in_order(cls, published_only: bool = False):
        query = select(cls).order_by(cls.position, cls.title)
        return query.where(cls.published.is_(True)) if published_only else query


class GuideStep(db.Model):
    """One step of a guide: text, and optionally an uploaded image and a link for a QR code."""

    __tablename__ = "guide_step"
    __revision__ = "kiosk"
    __audit_label__ = "Bước hướng dẫn"

    id: Mapped[int] = mapped_column(primary_key=True)
    guide_id: Mapped[int] = mapped_column(ForeignKey("guide.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))
    # Where the image sits under UPLOAD_DIR, and its media type; never a path a visitor chooses.
    image_path: Mapped[str | None] = mapped_column(String(200))
    image_type: Mapped[str | None] = mapped_column(String(40))

    guide: Mapped[Guide] = relationship(back_populates="steps")
