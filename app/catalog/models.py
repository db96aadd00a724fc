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
    # The citizen's few-word name; the legal name stays the source of truth under it.
    short_name: Mapped[str | None] = mapped_column(String(120))
    # Processing time confirmed by an officer, when the source gives a bare number or nothing.
    time_amount: Mapped[int | None] = mapped_column()
    time_unit: Mapped[str | None] = mapped_column(String(20))
    # "Cần mang theo": the usual case's documents, one per line, as an officer would say them.
    what_to_bring: Mapped[str | None] = mapped_column(Text)
    keywords: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")
    reviewed_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    field: Mapped[Field] = relationship(back_populates="procedures")
    event_links: Mapped[list["LifeEventProcedure"]] = relationship(
        back_populates="procedure", cascade="all, delete-orphan", passive_deletes=True)

    @property
    def display_name(self) -> str:
        """What a citizen reads first: the short name, else the legal name."""
        return self.short_name or self.name

    @property
    def is_active(self) -> bool:
        return self.status == STATUS_ACTIVE

    def refresh_search_text(self) -> None:
        """Recompute the folded text the search matches: name, field, code and staff keywords."""
        parts = [self.name, self.short_name or "", self.field.name if self.field else "",
                 self.code, self.keywords or ""]
        self.search_text = fold(" ".join(parts))

    @classmethod
    def by_code(cls, code: str) -> "Procedure | None":
        """The procedure with this national code; None for anything not shaped like one (a URL can
        carry any bytes, and PostgreSQL refuses a NUL in a query)."""
        if not CODE_PATTERN.match(code or ""):
            return None
        return db.session.scalar(select(cls).where(cls.code == code))

    @classmethod
    def common(cls):
        """In-force procedures marked common, for the kiosk home."""
        return (
            select(cls)
            .where(cls.is_common, cls.status == STATUS_ACTIVE)
            .order_by(func.coalesce(cls.short_name, cls.name))
        )

    @classmethod
    def in_field(cls, field: Field):
        """In-force procedures of one field, by name."""
        return (
            select(cls)
            .where(cls.field_id == field.id, cls.status == STATUS_ACTIVE)
            .order_by(cls.name)
        )


class LifeEvent(db.Model):
    """A citizen's situation (a birth, a death, a plot of land) grouping the procedures it needs."""

    __tablename__ = "life_event"
    __revision__ = "kiosk"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Set once at creation, like a field's: printed QR codes may point at /kiosk/su-kien/<slug>.
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    icon: Mapped[str] = mapped_column(String(40), default="more")
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    links: Mapped[list["LifeEventProcedure"]] = relationship(
        back_populates="life_event", cascade="all, delete-orphan", passive_deletes=True,
        order_by="LifeEventProcedure.position")

    @classmethod
    def ordered(cls):
        return select(cls).order_by(cls.position, cls.id)

    @classmethod
    def by_slug(cls, slug: str) -> "LifeEvent | None":
        return db.session.scalar(select(cls).where(cls.slug == slug))

    def active_procedures(self) -> list[Procedure]:
        """In-force procedures of this event, in the order a citizen most likely needs them."""
        query = (
            select(Procedure)
            .join(LifeEventProcedure)
            .where(LifeEventProcedure.life_event_id == self.id, Procedure.status == STATUS_ACTIVE)
            .order_by(LifeEventProcedure.position, Procedure.id)
        )
        return list(db.session.scalars(query))

    def set_procedures(self, procedures: list[Procedure]) -> None:
        """Replace the event's list by `procedures`, in that order."""
        self.links = [LifeEventProcedure(procedure=p, position=i) for i, p in enumerate(procedures)]


class LifeEventProcedure(db.Model):
    """One procedure in one life event, at a position in its list."""

    __tablename__ = "life_event_procedure"
    __revision__ = "kiosk"

    life_event_id: Mapped[int] = mapped_column(
        ForeignKey("life_event.id", ondelete="CASCADE"), primary_key=True)
    procedure_id: Mapped[int] = mapped_column(
        ForeignKey("procedure.id", ondelete="CASCADE"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)

    life_event: Mapped[LifeEvent] = relationship(back_populates="links")
    procedure: Mapped[Procedure] = relationship(back_populates="event_links")
