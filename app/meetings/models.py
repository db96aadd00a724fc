"""Meetings (cuộc họp), agenda items, documents (tài liệu họp) and the share links that open them."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from app.core.timeutil import utcnow
from app.extensions import db

STATUS_DRAFT = "draft"
STATUS_PUBLISHED = "published"


class Meeting(db.Model):
    """One meeting; attendees see it only once published, and only through a live share link."""

    __tablename__ = "meeting"
    # Public meetings are listed on the kiosk home.
    __revision__ = "kiosk"
    __audit_label__ = "Cuộc họp"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime] = mapped_column(index=True)  # UTC
    place: Mapped[str] = mapped_column(String(300), default="")
    chair: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=STATUS_DRAFT)
    is_public: Mapped[bool] = mapped_column(default=False)
    published_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    agenda_items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan")
    documents: Mapped[list["MeetingDocument"]] = relationship(
        back_populates="meeting", order_by="MeetingDocument.position, MeetingDocument.id",
        cascade="all, delete-orphan")
    share_links: Mapped[list["ShareLink"]] = relationship(
        back_populates="meeting", order_by="ShareLink.id", cascade="all, delete-orphan")

    @property
    def is_published(self) -> bool:
        return self.status == STATUS_PUBLISHED

    @property
    def current_documents(self) -> list["MeetingDocument"]:
        """Documents attendees get: not replaced by a newer version."""
        return [d for d in self.documents if d.replaced_at is None]

    def documents_of(self, item: "AgendaItem | None") -> list["MeetingDocument"]:
        """Current documents of one agenda item (None: of the meeting as a whole)."""
        item_id = item.id if item is not None else None
        return [d for d in self.current_documents if d.agenda_item_id == item_id]

    def documents_in_order(self) -> list["MeetingDocument"]:
        """Current documents in agenda order: the meeting's own first, then item by item."""
        ordered = self.documents_of(None)
        for item in self.agenda_items:
            ordered += self.documents_of(item)
        return ordered

    @classmethod
    def with_everything(cls, meeting_id: int):
        """One meeting with its agenda, documents and links, loaded in a few statements."""
        return select(cls).where(cls.id == meeting_id).options(
            selectinload(cls.agenda_items), selectinload(cls.documents), selectinload(cls.share_links))

    @classmethod
    def listed(cls):
        """Newest meetings first, for the staff list."""
        return select(cls).order_by(cls.starts_at.desc(), cls.id.desc())


class AgendaItem(db.Model):
    """One point of the agenda (nội dung), in order."""

    __tablename__ = "agenda_item"
    __audit_label__ = "Nội dung cuộc họp"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(500))
    presenter: Mapped[str] = mapped_column(String(200), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class MeetingDocument(db.Model):
    """One uploaded file; a replaced version stays (replaced_at set) until staff delete it."""

    __tablename__ = "meeting_document"
    __audit_label__ = "Tài liệu họp"
    # Counted on every download: not news for the audit log.
    __audit_ignore__ = ("download_count", "last_downloaded_at")

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(300))
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    mimetype: Mapped[str] = mapped_column(String(120))
    size: Mapped[int]
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_by: Mapped[str] = mapped_column(String(80), default="")
    replaced_at: Mapped[datetime | None]
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_document.id", ondelete="SET NULL"))
    download_count: Mapped[int] = mapped_column(default=0)
    last_downloaded_at: Mapped[datetime | None]

    meeting: Mapped[Meeting] = relationship(back_populates="documents")


class ShareLink(db.Model):
    """A meeting's link for attendees. The token is derived from `nonce` with the server key
    (see services.token_for); only its hash is looked up, so the database alone opens nothing."""

    __tablename__ = "share_link"
    # The kiosk shows the QR code of a public meeting's live link.
    __revision__ = "kiosk"
    # Creation and revocation are recorded explicitly; PIN counters are not news.
    __audit__ = False
    __audit_label__ = "Liên kết chia sẻ"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    nonce: Mapped[str] = mapped_column(String(64))
    pin_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80), default="")
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    pin_failures: Mapped[int] = mapped_column(default=0)
    pin_window_started_at: Mapped[datetime | None]

    meeting: Mapped[Meeting] = relationship(back_populates="share_links")

    def is_live(self, now: datetime) -> bool:
        return self.revoked_at is None and self.expires_at > now
