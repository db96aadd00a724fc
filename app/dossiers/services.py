"""Register operations: receipt codes, creating dossiers, the list, and the lookup throttle per code."""
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import and_, case, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import selectinload

from app.audit import services as audit
from app.catalog.folding import fold
from app.core.timeutil import to_local, utcnow
from app.dossiers.models import EDITABLE, OPEN_STATUSES, Dossier, LookupThrottle, ReceiptCounter, phone_digits
from app.extensions import db

ATTEMPTS = 6
LOOKUP_WINDOW = timedelta(minutes=30)
WRONG_LOOKUPS_PER_WINDOW = 10


def receipt_prefix() -> str:
    return current_app.config.get("RECEIPT_PREFIX", "XT")


def format_receipt_code(year: int, number: int) -> str:
    """XT-2026-000123: prefix, year of receipt, number within the year."""
    return f"{receipt_prefix()}-{year}-{number:06d}"


def next_receipt_number(year: int) -> int:
    """Take the next number of `year` inside the caller's transaction.

    The UPDATE locks the counter row (PostgreSQL) or the database (SQLite) until the commit, so
    two workers can never read the same value; a lost race to create the row raises
    IntegrityError and the caller retries.
    """
    bumped = db.session.execute(
        update(ReceiptCounter).where(ReceiptCounter.year == year).values(value=ReceiptCounter.value + 1))
    if bumped.rowcount == 0:
        db.session.execute(insert(ReceiptCounter).values(year=year, value=1))
        return 1
    return db.session.scalar(select(ReceiptCounter.value).where(ReceiptCounter.year == year))


def save_new_dossier(fill) -> Dossier:
    """Create and commit a dossier built by `fill(dossier)`, with a fresh receipt code.

    A clash (another worker won the counter row, or SQLite refused a stale snapshot) rolls back
    and tries again; the unique receipt code makes a duplicate impossible whatever happens.
    """
    for attempt in range(ATTEMPTS):
        try:
            dossier = Dossier()
            fill(dossier)
            year = to_local(dossier.received_at).year
            dossier.receipt_code = format_receipt_code(year, next_receipt_number(year))
            db.session.add(dossier)
            db.session.commit()
            return dossier
        except (IntegrityError, OperationalError):
            db.session.rollback()
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


# Personal data stays out of the audit log: it names these corrections without their values.
PRIVATE = ("applicant_name", "applicant_phone", "citizen_id_number")


def correct_dossier(dossier: Dossier, values: dict, user=None) -> bool:
    """Apply an officer's corrections, in the dossier's history and the audit log; False if nothing changed."""
    edit = dossier.correct(values, user)
    if edit is None:
        return False
    changed = edit.values
    parts = [label.lower() if key in PRIVATE else "{} {} → {}".format(label.lower(), *changed[key])
             for key, label in EDITABLE.items() if key in changed]
    audit.record("dossier_edit", record_type="dossier", record_id=dossier.id, label=dossier.receipt_code,
                 message=f"Sửa hồ sơ {dossier.receipt_code}: " + "; ".join(parts))
    return True


def forget_citizen_id_numbers() -> int:
    """Erase every kept CCCD number (the admin stopped keeping them); one audit entry, without the numbers."""
    erased = db.session.execute(update(Dossier).where(Dossier.citizen_id_number.is_not(None))
                                .values(citizen_id_number=None)).rowcount
    if erased:
        audit.record("settings", record_type="dossier",
                     message=f"Xóa {erased} số căn cước đã lưu cùng hồ sơ (đã tắt “lưu số căn cước”)")
    return erased


@dataclass
class ListFilter:
    query: str = ""
    status: str = ""
    overdue: bool = False


def filtered_dossiers(wanted: ListFilter, today: date):
    """Newest first; the query matches the receipt code, the applicant's name, phone or CCCD number, or the procedure."""
    query = (select(Dossier).join(Dossier.procedure)
             .options(selectinload(Dossier.procedure), selectinload(Dossier.rating))
             .order_by(Dossier.received_at.desc(), Dossier.id.desc()))
    if wanted.query.strip():
        query = query.where(_matching(wanted.query))
    if wanted.status == "open":
        query = query.where(Dossier.status.in_(OPEN_STATUSES))
    elif wanted.status:
        query = query.where(Dossier.status == wanted.status)
    if wanted.overdue:
        query = query.where(Dossier.status.in_(OPEN_STATUSES), Dossier.due_date < today)
    return query


def _matching(text: str):
    """The search condition: accents, case and phone formatting do not matter.

    Folded words hold only [0-9a-z.], so they are safe inside LIKE patterns; each word of the
    query must appear in the folded name ('nguyen hoa' finds 'Nguyễn Thị Hoa').
    """
    from app.catalog.models import Procedure

    words = fold(text).split()
    compact = re.sub(r"[\s-]+", "", text).upper()
    conditions = [Dossier.receipt_code.contains(text.strip().upper(), autoescape=True)]
    if compact:  # 'xt2026000001' finds XT-2026-000001
        conditions.append(func.replace(Dossier.receipt_code, "-", "").contains(compact, autoescape=True))
    if words:
        conditions.append(Procedure.search_text.contains(" ".join(words)))
        conditions.append(and_(*(Dossier.applicant_folded.contains(word) for word in words)))
    if re.fullmatch(r"\d{12}", text.strip()):  # a CCCD number, kept only while the setting is on
        conditions.append(Dossier.citizen_id_number == text.strip())
    digits = phone_digits(text)
    if len(digits) >= 3 and not re.search(r"[^\d\s.+()-]", text):
        conditions.append(Dossier.phone_digits.contains(digits))
    return or_(*conditions)


def wrong_lookups_allowed() -> int:
    """Wrong secrets per receipt code and window; config WRONG_LOOKUPS_PER_WINDOW."""
    return int(current_app.config.get("WRONG_LOOKUPS_PER_WINDOW", WRONG_LOOKUPS_PER_WINDOW))


def claim_lookup(code: str, now: datetime | None = None) -> bool:
    """Take one try from `code`'s allowance, atomically; False once wrong secrets used it up.

    The try is claimed before the secret is compared (a conditional UPDATE, so parallel guesses
    cannot all pass a check made before any of them counted); a right secret gives it back.
    """
    now = now or utcnow()
    code = code[:40]
    fresh = LookupThrottle.window_start < now - LOOKUP_WINDOW
    claimed = db.session.execute(
        update(LookupThrottle)
        .where(LookupThrottle.receipt_code == code, or_(fresh, LookupThrottle.count < wrong_lookups_allowed()))
        .values(count=case((fresh, 1), else_=LookupThrottle.count + 1),
                window_start=case((fresh, now), else_=LookupThrottle.window_start)))
    if claimed.rowcount == 0 and not _first_claim(code, now):
        db.session.commit()
        return False
    db.session.commit()
    return True


def _first_claim(code: str, now: datetime) -> bool:
    """Start `code`'s count at 1; False when a row exists already (its allowance is used up)."""
    if db.session.get(LookupThrottle, code) is not None:
        return False
    # A new code: also forget codes quiet for a day, so the table stays small.
    db.session.execute(delete(LookupThrottle).where(LookupThrottle.window_start < now - timedelta(days=1)))
    try:
        with db.session.begin_nested():
            db.session.execute(insert(LookupThrottle).values(receipt_code=code, window_start=now, count=1))
    except IntegrityError:  # a parallel first try made the row: claim through it
        return claim_lookup(code, now)
    return True


def release_lookup(code: str) -> None:
    """Give back a try: the secret was right, so it was no guess."""
    db.session.execute(update(LookupThrottle).where(LookupThrottle.receipt_code == code[:40]).values(
        count=case((LookupThrottle.count > 0, LookupThrottle.count - 1), else_=0)))
    db.session.commit()
