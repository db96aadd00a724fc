"""Dossiers (hồ sơ) received at the counter, their status history, ratings, and two counters."""
import hmac
import json
import re
import secrets
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload, validates

from app.catalog.folding import fold
from app.catalog.models import Procedure
from app.core.timeutil import to_local, utcnow
from app.dossiers.cccd import mask_number
from app.extensions import db

CHANNELS = {"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Bưu chính"}
# The catalogue's words for the same channels (Procedure.processing_time is keyed by them).
CATALOG_CHANNELS = {"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Dịch vụ bưu chính"}

RECEIVED, PROCESSING, RESOLVED = "received", "processing", "resolved"
RETURNED, WITHDRAWN, REJECTED = "returned", "withdrawn", "rejected"
STATUSES = {
    RECEIVED: "Đã tiếp nhận",
    PROCESSING: "Đang giải quyết",
    RESOLVED: "Đã giải quyết",
    RETURNED: "Trả lại để bổ sung giấy tờ",
    WITHDRAWN: "Người nộp đã rút hồ sơ",
    REJECTED: "Từ chối giải quyết",
}
# The words a citizen reads on the public status page.
PUBLIC_STATUSES = {
    RECEIVED: "Cán bộ đã nhận hồ sơ, đang chờ giải quyết.",
    PROCESSING: "Hồ sơ đang được giải quyết.",
    RESOLVED: "Hồ sơ đã giải quyết xong. Mời ông/bà đến nhận kết quả.",
    RETURNED: "Hồ sơ cần bổ sung giấy tờ. Mời ông/bà liên hệ Bộ phận Một cửa.",
    WITHDRAWN: "Hồ sơ đã được rút theo đề nghị của người nộp.",
    REJECTED: "Hồ sơ không được giải quyết. Mời ông/bà liên hệ Bộ phận Một cửa để biết lý do.",
}
OPEN_STATUSES = (RECEIVED, PROCESSING)
# A status change to one of these ends the dossier's time at the counter.
FINISHED_STATUSES = (RESOLVED, RETURNED, WITHDRAWN, REJECTED)
NEXT_STATUSES = {
    RECEIVED: (PROCESSING, RESOLVED, RETURNED, WITHDRAWN, REJECTED),
    PROCESSING: (RESOLVED, RETURNED, WITHDRAWN, REJECTED),
    # A finished dossier can be opened again (a wrong button, papers brought back) until its
    # result is collected; the history keeps both steps.
    RESOLVED: (PROCESSING,),
    RETURNED: (PROCESSING,),
    WITHDRAWN: (PROCESSING,),
    REJECTED: (PROCESSING,),
}
# The lookup secret (mã tra cứu): 8 characters without 0/O, 1/I/L, so a citizen reads and types it
# without doubt; 31**8 (about 2**40) values, so counting or guessing them is pointless.
LOOKUP_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LOOKUP_SECRET_LENGTH = 8


def new_lookup_secret() -> str:
    return "".join(secrets.choice(LOOKUP_ALPHABET) for _ in range(LOOKUP_SECRET_LENGTH))


# What an officer may correct after intake, and the words the history uses for each.
EDITABLE = {"applicant_name": "Họ tên người nộp", "applicant_phone": "Số điện thoại",
            "citizen_id_number": "Số căn cước", "procedure": "Thủ tục", "due_date": "Hẹn trả"}
EARLIER_SHOWN = 20


def phone_digits(text: str | None) -> str:
    """The digits of a phone number in national form: '+84 912.345.678' -> '0912345678'."""
    digits = re.sub(r"\D", "", text or "")
    return "0" + digits[2:] if digits.startswith("84") and len(digits) >= 11 else digits


RATINGS = {"very_satisfied": "Rất hài lòng", "satisfied": "Hài lòng", "not_satisfied": "Không hài lòng"}


class Dossier(db.Model):
    """One filing by one citizen for one procedure, from receipt to the returned result."""

    __tablename__ = "dossier"
    __revision__ = "dossiers"  # retires the kept statistics (app.dossiers.figures)
    # The folded copies carry the same personal data: named in the log, never shown.
    __audit_secret__ = ("applicant_name", "applicant_phone", "lookup_secret", "applicant_folded", "phone_digits",
                        "citizen_id_number")

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_code: Mapped[str] = mapped_column(String(40), unique=True)
    # Printed beside the receipt code and carried by the receipt's QR link: the code alone shows nothing.
    lookup_secret: Mapped[str] = mapped_column(String(LOOKUP_SECRET_LENGTH), default=new_lookup_secret)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id"), index=True)
    applicant_name: Mapped[str] = mapped_column(String(200))
    applicant_phone: Mapped[str | None] = mapped_column(String(20))
    # Kept in sync by the validators below, so the register search matches 'nguyen thi hoa' and
    # '0912345678' on any database (no unaccent in SQLite).
    applicant_folded: Mapped[str] = mapped_column(String(200), default="")
    phone_digits: Mapped[str] = mapped_column(String(20), default="")
    # The CCCD number read by a scan, kept only while the admin's keep_citizen_id_number setting is
    # on; shown masked everywhere, so it serves one purpose: finding the citizen's earlier dossiers.
    citizen_id_number: Mapped[str | None] = mapped_column(String(12), index=True)
    channel: Mapped[str] = mapped_column(String(10), default="direct")
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    digitised: Mapped[bool] = mapped_column(default=False)
    due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=RECEIVED, index=True)
    # When the dossier left the counter's hands (resolved, returned, withdrawn, rejected), and
    # that day in Vietnam time: statistics compare it with due_date as dates, portably.
    finished_at: Mapped[datetime | None] = mapped_column(index=True)
    finished_on: Mapped[date | None] = mapped_column(Date)
    result_returned_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    procedure: Mapped[Procedure] = relationship()
    changes: Mapped[list["StatusChange"]] = relationship(
        back_populates="dossier", order_by="StatusChange.changed_at", cascade="all, delete-orphan")
    rating: Mapped["Rating | None"] = relationship(back_populates="dossier", cascade="all, delete-orphan")
    edits: Mapped[list["DossierEdit"]] = relationship(
        back_populates="dossier", order_by="DossierEdit.changed_at", cascade="all, delete-orphan")

    @validates("applicant_name")
    def _fold_name(self, _key, value: str) -> str:
        self.applicant_folded = fold(value)[:200]
        return value

    @validates("applicant_phone")
    def _phone_digits(self, _key, value: str | None) -> str | None:
        self.phone_digits = phone_digits(value)[:20]
        return value

    @property
    def code(self) -> str:
        return self.receipt_code

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def masked_citizen_id(self) -> str:
        """The kept CCCD number as lists and receipts show it, '0791••••••23', or ''."""
        return mask_number(self.citizen_id_number)

    @property
    def printed_secret(self) -> str:
        """The lookup secret in two groups of four, as printed: 'K7MQ 2XPA'."""
        half = LOOKUP_SECRET_LENGTH // 2
        return f"{self.lookup_secret[:half]} {self.lookup_secret[half:]}"

    def opens_with(self, secret: str) -> bool:
        """True when `secret` (normalised) is this dossier's lookup secret; constant time."""
        return hmac.compare_digest(self.lookup_secret.encode(), secret.encode())

    @property
    def public_status(self) -> str:
        return PUBLIC_STATUSES.get(self.status, "")

    @property
    def channel_label(self) -> str:
        return CHANNELS.get(self.channel, self.channel)

    @property
    def next_statuses(self) -> tuple[str, ...]:
        if self.result_returned_at is not None:
            return ()
        return NEXT_STATUSES.get(self.status, ())

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def can_be_rated(self) -> bool:
        """Citizens rate the service once the result (or the papers) came back to them."""
        return self.rating is None and (self.result_returned_at is not None or self.status in (RETURNED, REJECTED))

    def is_overdue(self, today: date) -> bool:
        return self.is_open and self.due_date < today

    def change_status(self, status: str, user=None, at: datetime | None = None) -> "StatusChange":
        """Move to `status`, recording who and when; a finishing status stamps finished_at."""
        at = at or utcnow()
        self.status = status
        if status in FINISHED_STATUSES:
            self.finished_at, self.finished_on = at, to_local(at).date()
        else:
            self.finished_at = self.finished_on = None
        change = StatusChange(status=status, changed_at=at, user_id=getattr(user, "id", None),
                              username=getattr(user, "username", "") or "")
        self.changes.append(change)
        return change

    def correct(self, values: dict, user=None, at: datetime | None = None) -> "DossierEdit | None":
        """Apply an officer's corrections (EDITABLE keys) and keep them in the history; None if nothing changed."""
        changed = {key: (getattr(self, key), new) for key, new in values.items() if getattr(self, key) != new}
        if not changed:
            return None
        for key, (_old, new) in changed.items():
            setattr(self, key, new)
        edit = DossierEdit(changed_at=at or utcnow(), user_id=getattr(user, "id", None),
                           username=getattr(user, "username", "") or "",
                           changes=json.dumps({key: [_shown(old, key), _shown(new, key)]
                                               for key, (old, new) in changed.items()},
                                              ensure_ascii=False))
        self.edits.append(edit)
        return edit

    @property
    def history(self) -> list:
        """Status changes and corrections together, oldest first."""
        return sorted([*self.changes, *self.edits], key=lambda step: step.changed_at)

    def mark_returned(self, at: datetime | None = None) -> None:
        """The citizen collected the result."""
        self.result_returned_at = at or utcnow()

    @classmethod
    def by_code(cls, code: str) -> "Dossier | None":
        return db.session.scalar(select(cls).where(cls.receipt_code == code))

    @classmethod
    def for_citizen(cls, number: str, limit: int = EARLIER_SHOWN) -> list["Dossier"]:
        """The dossiers kept with this CCCD number, newest first, with their procedures."""
        return list(db.session.scalars(
            select(cls).where(cls.citizen_id_number == number).options(selectinload(cls.procedure))
            .order_by(cls.received_at.desc(), cls.id.desc()).limit(limit)))


class StatusChange(db.Model):
    """One step of a dossier's life: the status it moved to, when, and by which officer."""

    __tablename__ = "dossier_status_change"
    __audit__ = False  # itself a log of who did what

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    username: Mapped[str] = mapped_column(String(80), default="")

    dossier: Mapped[Dossier] = relationship(back_populates="changes")

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)


def _shown(value, key: str = "") -> str:
    """A corrected value as the history prints it; a CCCD number masked, as everywhere."""
    if key == "citizen_id_number":
        return mask_number(value)
    if isinstance(value, Procedure):
        return f"{value.code} – {value.name}"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value or ""


class DossierEdit(db.Model):
    """One correction of a dossier after intake: which values changed, from what to what, by whom."""

    __tablename__ = "dossier_edit"
    __audit__ = False  # itself a log; the audit entry is written by the view, without the personal data

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    username: Mapped[str] = mapped_column(String(80), default="")
    changes: Mapped[str] = mapped_column(Text)  # JSON {key: [old, new]}, values as printed

    dossier: Mapped[Dossier] = relationship(back_populates="edits")

    @property
    def values(self) -> dict[str, list[str]]:
        """{key: [old, new]}, as printed."""
        return json.loads(self.changes)

    @property
    def lines(self) -> list[tuple[str, str, str]]:
        """(label, old, new) per corrected value, in EDITABLE's order."""
        changes = self.values
        return [(label, *changes[key]) for key, label in EDITABLE.items() if key in changes]


class Rating(db.Model):
    """A citizen's satisfaction rating of one dossier's service; the unique key allows one."""

    __tablename__ = "dossier_rating"
    __revision__ = "dossiers"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), unique=True)
    score: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    dossier: Mapped[Dossier] = relationship(back_populates="rating")

    @property
    def label(self) -> str:
        return RATINGS.get(self.score, self.score)


class ReceiptCounter(db.Model):
    """The last receipt number used in a year; incremented inside the creating transaction."""

    __tablename__ = "receipt_counter"
    __audit__ = False

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(default=0)


class LookupThrottle(db.Model):
    """Wrong lookup secrets per receipt code in the current window (known codes or not, alike).

    Counted per code, not per address: the hall kiosk is one address for everyone.
    """

    __tablename__ = "lookup_throttle"
    __audit__ = False

    receipt_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(default=utcnow)
    count: Mapped[int] = mapped_column(default=0)
