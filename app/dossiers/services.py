"""Register operations: receipt codes, creating dossiers, the list, and the lookup throttle."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import case, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import selectinload

from app.catalog.folding import fold
from app.core.timeutil import to_local, utcnow
from app.dossiers.models import OPEN_STATUSES, Dossier, LookupThrottle, ReceiptCounter
from app.extensions import db

ATTEMPTS = 6
LOOKUP_WINDOW = timedelta(minutes=10)
LOOKUPS_PER_WINDOW = 30


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


@dataclass
class ListFilter:
    query: str = ""
    status: str = ""
    overdue: bool = False


def filtered_dossiers(wanted: ListFilter, today: date):
    """Newest first; the query matches the receipt code, the applicant or the procedure's name."""
    from app.catalog.models import Procedure

    query = (select(Dossier).join(Dossier.procedure)
             .options(selectinload(Dossier.procedure), selectinload(Dossier.rating))
             .order_by(Dossier.received_at.desc(), Dossier.id.desc()))
    if wanted.query:
        text = wanted.query.strip()
        folded = fold(text)
        query = query.where(or_(Dossier.receipt_code.ilike(f"%{text}%"),
                                Dossier.applicant_name.ilike(f"%{text}%"),
                                Dossier.applicant_phone.like(f"%{text}%"),
                                Procedure.search_text.like(f"%{folded}%")))
    if wanted.status == "open":
        query = query.where(Dossier.status.in_(OPEN_STATUSES))
    elif wanted.status:
        query = query.where(Dossier.status == wanted.status)
    if wanted.overdue:
        query = query.where(Dossier.status.in_(OPEN_STATUSES), Dossier.due_date < today)
    return query


def lookups_allowed() -> int:
    """Lookups per address and window; config STATUS_LOOKUPS_PER_WINDOW (the hall kiosk is one address)."""
    return int(current_app.config.get("STATUS_LOOKUPS_PER_WINDOW", LOOKUPS_PER_WINDOW))


def allow_lookup(address: str | None, now: datetime | None = None) -> bool:
    """Count one public lookup from `address`; False once it passed the window's allowance."""
    now = now or utcnow()
    address = (address or "unknown")[:64]
    fresh = LookupThrottle.window_start < now - LOOKUP_WINDOW
    bumped = db.session.execute(
        update(LookupThrottle).where(LookupThrottle.address == address).values(
            count=case((fresh, 1), else_=LookupThrottle.count + 1),
            window_start=case((fresh, now), else_=LookupThrottle.window_start)))
    if bumped.rowcount == 0:
        # A new address: also forget addresses quiet for a day, so the table stays small.
        db.session.execute(delete(LookupThrottle).where(LookupThrottle.window_start < now - timedelta(days=1)))
        try:
            with db.session.begin_nested():
                db.session.execute(insert(LookupThrottle).values(address=address, window_start=now, count=1))
        except IntegrityError:
            return allow_lookup(address, now)
    count = db.session.scalar(select(LookupThrottle.count).where(LookupThrottle.address == address))
    db.session.commit()
    return count <= lookups_allowed()
