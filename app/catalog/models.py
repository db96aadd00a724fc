"""The procedure catalogue: fields (lĩnh vực) and the procedures (TTHC) in them."""
import re
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.catalog.folding import fold
from app.core.timeutil import utcnow
from app.extensions import db

CODE_PATTERN = re.compile(r"^\d\.\d{6}$")

STATUS_ACTIVE = "active"
STATUS_REPLACED = "replaced"


class Field(db.Model):
    """A group of procedures, shown as one tile on the kiosk home."""

    __tablename__ = "field"
    __revision__ = "kiosk"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # Set once at creation: kiosk URLs built from it must never change, even after a rename.
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    procedures: Mapped[list["Procedure"]] = relationship(back_populates="field")

    @classmethod
    def ordered(cls):
        """Fields in the order staff set, then by name."""
        return select(cls).order_by(cls.position, cls.name)

    @classmethod
    def with_active_counts(cls) -> list[tuple["Field", int]]:
        """Each field that has in-force procedures, with their count, in display order."""
        count = func.count(Procedure.id)
        query = (
            select(cls, count)
            .join(Procedure)
            .where(Procedure.status == STATUS_ACTIVE)
            .group_by(cls.id)
            .order_by(cls.position, cls.name)
        )
        return [(field, n) for field, n in db.session.execute(query)]


class Procedure(db.Model):
    """One administrative procedure with its national code, as the national database describes it."""

    __tablename__ = "procedure"
    __revision__ = "kiosk"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(Text)
    field_id: Mapped[int] = mapped_column(ForeignKey("field.id"), index=True)
    level: Mapped[str | None] = mapped_column(Text)
    # None: the source does not say.
    online: Mapped[bool | None] = mapped_column()
    online_full: Mapped[bool | None] = mapped_column()
    processing_time: Mapped[str | None] = mapped_column(Text)
    fee: Mapped[str | None] = mapped_column(Text)
    fee_note: Mapped[str | None] = mapped_column(Text)
    channels: Mapped[str | None] = mapped_column(Text)
    applicants: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))
    steps: Mapped[str | None] = mapped_column(Text)
    documents: Mapped[str | None] = mapped_column(Text)
    conditions: Mapped[str | None] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=STATUS_ACTIVE, index=True)
    replaced_by: Mapped[str | None] = mapped_column(String(16))
    is_common: Mapped[bool] = mapped_column(default=False)
    keywords: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")
    reviewed_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    field: Mapped[Field] = relationship(back_populates="procedures")

    @property
    def is_active(self) -> bool:
        return self.status == STATUS_ACTIVE

    def refresh_search_text(self) -> None:
        """Recompute the folded text the search matches: name, field, code and staff keywords."""
        parts = [self.name, self.field.name if self.field else "", self.code, self.keywords or ""]
        self.search_text = fold(" ".join(parts))

    @classmethod
    def by_code(cls, code: str) -> "Procedure | None":
        return db.session.scalar(select(cls).where(cls.code == code))

    @classmethod
    def common(cls):
        """In-force procedures marked common, for the kiosk home."""
        return select(cls).where(cls.is_common, cls.status == STATUS_ACTIVE).order_by(cls.name)

    @classmethod
    def in_field(cls, field: Field):
        """In-force procedures of one field, by name."""
        return (
            select(cls)
            .where(cls.field_id == field.id, cls.status == STATUS_ACTIVE)
            .order_by(cls.name)
        )
