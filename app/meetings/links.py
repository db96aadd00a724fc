"""Share links: tokens, their hashes, expiry, revocation and the optional PIN.

The token is HMAC(server key, random nonce), not stored: the database keeps the nonce and the
token's SHA-256. A phone's token is found by its hash; staff can show the same link again (table
card, kiosk) because the server recomputes it from the nonce. The database alone opens nothing;
changing SECRET_KEY keeps printed links working (the hash still matches) but staff must then
create a new link to display it again.
"""
import hashlib
import hmac
import secrets
from base64 import urlsafe_b64encode
from datetime import datetime, timedelta

from flask import current_app, url_for
from sqlalchemy import case, or_, select, update

from app.audit import services as audit
from app.core.timeutil import to_local, utcnow
from app.extensions import db
from app.meetings.models import Meeting, ShareLink
from app.setting.services import get_setting, unreachable_reason

TOKEN_BYTES = 18  # 144 bits, 24 URL-safe characters
DEFAULT_LIFETIME = timedelta(days=7)
PIN_MAX_FAILURES = 5
PIN_WINDOW = timedelta(minutes=15)


def _key(purpose: bytes) -> bytes:
    return hashlib.sha256(current_app.config["SECRET_KEY"].encode() + b"\x00" + purpose).digest()


def token_for(link: ShareLink) -> str | None:
    """The link's token, or None when it cannot be recomputed (the server key changed)."""
    token = _derive(link.nonce)
    return token if hmac.compare_digest(hash_token(token), link.token_hash) else None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _hash_pin(link: ShareLink, pin: str) -> str:
    # Keyed: a 6-digit PIN is too small a space to survive a plain hash leaving with the database.
    return hmac.new(_key(b"meeting-pin"), f"{link.nonce}:{pin}".encode(), hashlib.sha256).hexdigest()


def public_url(token: str) -> str:
    """PUBLIC_BASE_URL + the short path: what the QR code and the card carry."""
    base = (get_setting("public_base_url") or "").rstrip("/")
    return base + url_for("meetings.open_link", token=token)


def base_warning() -> str | None:
    """Why phones may not reach links built on the current public address, or None."""
    return unreachable_reason(get_setting("public_base_url") or "")


def default_expiry(meeting: Meeting) -> datetime:
    return meeting.starts_at + DEFAULT_LIFETIME


def create_link(meeting: Meeting, expires_at: datetime, pin: str | None, username: str) -> ShareLink:
    """A new link for `meeting`; every older live link is revoked (a leaked one stops working)."""
    for old in live_links(meeting):
        revoke(old, reason="thay bằng liên kết mới")
    link = ShareLink(meeting=meeting, nonce=secrets.token_hex(16), expires_at=expires_at, created_by=username)
    link.token_hash = hash_token(_derive(link.nonce))
    link.pin_hash = _hash_pin(link, pin) if pin else None
    db.session.add(link)
    db.session.flush()
    audit.record("link_create", record_type="share_link", record_id=link.id, label=meeting.title,
                 message=f"Tạo liên kết chia sẻ, dùng được đến hết ngày {to_local(expires_at) - timedelta(seconds=1):%d/%m/%Y}"
                 + (", có mã PIN" if pin else ""))
    return link


def _derive(nonce: str) -> str:
    digest = hmac.new(_key(b"meeting-share-link"), nonce.encode(), hashlib.sha256).digest()
    return urlsafe_b64encode(digest[:TOKEN_BYTES]).decode()


def revoke(link: ShareLink, reason: str = "") -> None:
    """Stop the link at once; the audit names the meeting, never the token."""
    link.revoked_at = utcnow()
    audit.record("link_revoke", record_type="share_link", record_id=link.id, label=link.meeting.title,
                 message="Thu hồi liên kết chia sẻ" + (f" ({reason})" if reason else ""))


def live_links(meeting: Meeting) -> list[ShareLink]:
    now = utcnow()
    return [link for link in meeting.share_links if link.is_live(now)]


def find(token: str) -> ShareLink | None:
    """The link a token names, live or not; None for unknown tokens."""
    if not token or len(token) > 64:
        return None
    return db.session.scalar(select(ShareLink).where(ShareLink.token_hash == hash_token(token)))


def pin_locked(link: ShareLink, now: datetime) -> bool:
    window_open = link.pin_window_started_at and now - link.pin_window_started_at < PIN_WINDOW
    return bool(window_open and link.pin_failures >= PIN_MAX_FAILURES)


def check_pin(link: ShareLink, pin: str) -> bool | None:
    """Compare a PIN: True when right, False when wrong, None when the link is locked.

    The try is counted before the comparison, in one conditional UPDATE: parallel requests on any
    worker cannot all pass a check made before any of them counted. A right PIN gives it back.
    """
    if not _claim_pin_try(link.id, utcnow()):
        return None
    right = hmac.compare_digest(_hash_pin(link, pin.strip()), link.pin_hash or "")
    if right:
        db.session.execute(update(ShareLink).where(ShareLink.id == link.id).values(
            pin_failures=case((ShareLink.pin_failures > 0, ShareLink.pin_failures - 1), else_=0)))
        db.session.commit()
    return right


def _claim_pin_try(link_id: int, now: datetime) -> bool:
    """Count one try against the link's window atomically; False when the window's tries are used up."""
    window_over = or_(ShareLink.pin_window_started_at.is_(None), ShareLink.pin_window_started_at <= now - PIN_WINDOW)
    claimed = db.session.execute(
        update(ShareLink)
        .where(ShareLink.id == link_id, or_(window_over, ShareLink.pin_failures < PIN_MAX_FAILURES))
        .values(pin_failures=case((window_over, 1), else_=ShareLink.pin_failures + 1),
                pin_window_started_at=case((window_over, now), else_=ShareLink.pin_window_started_at)),
        execution_options={"synchronize_session": False})
    db.session.commit()
    return claimed.rowcount == 1


def pin_grant(link: ShareLink) -> str:
    """What the attendee's session keeps after a right PIN: changes when the link does."""
    return hmac.new(_key(b"meeting-pin-grant"), link.token_hash.encode(), hashlib.sha256).hexdigest()[:32]
