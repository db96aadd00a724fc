"""Who may open what: public pages, signed-in staff, roles, session end, forced password change.

Staff pages are closed by default: every endpoint outside PUBLIC_BLUEPRINTS / PUBLIC_ENDPOINTS
and not marked @public needs a signed-in user, so a new page cannot be left open by a forgotten
decorator. Roles are checked with @role_required("officer") (or require_role in a hook).
"""
from datetime import timedelta
from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, flash, g, request, session, url_for
from flask_login import current_user, logout_user

from app.audit import services as audit
from sqlalchemy import delete

from app.auth.models import StaffSession, User
from app.core import htmx
from app.core.timeutil import utcnow
from app.extensions import db, login_manager

PUBLIC_BLUEPRINTS = frozenset({"kiosk", "kiosk_offline", "core"})
PUBLIC_ENDPOINTS = frozenset({"static", "auth.login", "qr.follow_short_link"})  # /t/<code>: printed on QR sheets
# Reachable while a new password is still owed.
PASSWORD_CHANGE_ENDPOINTS = frozenset({"auth.change_password", "auth.logout"})
SEEN_KEY = "seen_at"
SESSION_KEY = "staff_session"
SIGNED_OUT = "Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại."
IDLE = "Phiên làm việc đã hết hạn do lâu không thao tác. Vui lòng đăng nhập lại."
TOO_LONG = "Phiên làm việc đã quá {hours} giờ. Vui lòng đăng nhập lại."


def public(view):
    """Mark one view as open to anonymous visitors (e.g. a printed short link)."""
    view.is_public = True
    return view


def is_public(endpoint: str | None) -> bool:
    """True for endpoints anyone may open: the kiosk, the health probe, static files, sign-in,
    and views marked @public."""
    if endpoint is None:
        return True
    if endpoint in PUBLIC_ENDPOINTS or endpoint.split(".")[0] in PUBLIC_BLUEPRINTS:
        return True
    return getattr(current_app.view_functions.get(endpoint), "is_public", False)


def role_required(role: str):
    """Refuse (403) users whose role ranks below `role`; admin passes every check."""
    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            require_role(role)
            return view(*args, **kwargs)
        return wrapped
    return decorate


def require_role(role: str) -> None:
    """Abort with 403 unless the signed-in user has at least `role` (for before_request hooks)."""
    if not current_user.is_authenticated:
        abort(401)
    if not current_user.has_role(role):
        abort(403)


def safe_next(target: str | None) -> str | None:
    """`target` when it is a path on this site, else None (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if any(ch in target for ch in "\\\r\n\t") or any(ord(ch) < 32 for ch in target):
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def init_app(app: Flask) -> None:
    """Configure Flask-Login and install the guard that runs before every request."""
    login_manager.init_app(app)
    login_manager.session_protection = "strong"
    login_manager.user_loader(_load_user)
    login_manager.unauthorized_handler(_unauthorized)
    app.before_request(_forget_previous_user)
    app.before_request(_guard)
    app.teardown_request(lambda _error: _forget_previous_user())


def _forget_previous_user() -> None:
    # Flask-Login caches the user on `g`; a request inside a longer-lived app context (tests,
    # CLI calls of the test client) must load its own user, not the previous request's.
    g.pop("_login_user", None)
    g.pop("audit_actor", None)


def _load_user(user_id: str) -> User | None:
    """Find the session's user; a changed session token (new password) ends old sessions."""
    number, _, token = user_id.partition(":")
    user = db.session.get(User, int(number)) if number.isdigit() else None
    if user is None or not user.active or user.session_token != token:
        return None
    audit.set_actor(user)
    return user


def _unauthorized():
    """Send anonymous users to sign in; htmx gets HX-Redirect, never the form inside a fragment."""
    came_from = htmx.client_page_path() or (request.full_path.rstrip("?") if request.method == "GET" else None)
    return htmx.redirect_to(url_for("auth.login", next=safe_next(came_from)), 302)


def _guard():
    """Before every staff request: signed in, session alive, no password change owed."""
    if is_public(request.endpoint):
        return None
    if not current_user.is_authenticated:
        return _unauthorized()
    reason = _why_session_ends()
    if reason:
        end_session()
        flash(reason, "warning")
        return _unauthorized()
    if current_user.must_change_password and request.endpoint not in PASSWORD_CHANGE_ENDPOINTS:
        return htmx.redirect_to(url_for("auth.change_password"), 302)
    return None


def _lifetime() -> timedelta:
    return timedelta(hours=current_app.config.get("STAFF_SESSION_HOURS", 12))


def _current_record() -> StaffSession | None:
    key = session.get(SESSION_KEY)
    return db.session.get(StaffSession, key) if isinstance(key, str) else None


def _why_session_ends() -> str | None:
    """The message when this session must end: signed out (or unknown), too old, or idle."""
    record = _current_record()
    if record is None or record.ended_at is not None or record.user_id != current_user.id:
        return SIGNED_OUT
    if utcnow() - record.started_at > _lifetime():
        return TOO_LONG.format(hours=current_app.config.get("STAFF_SESSION_HOURS", 12))
    return IDLE if _idle_too_long() else None


def _idle_too_long() -> bool:
    """Check and slide the idle timer kept in the signed session cookie."""
    now = int(utcnow().timestamp())
    limit = timedelta(minutes=current_app.config.get("STAFF_IDLE_MINUTES", 30)).total_seconds()
    seen = session.get(SEEN_KEY)
    if seen is not None and now - seen > limit:
        return True
    # Rewrite the cookie at most once a minute, not on every request.
    if seen is None or now - seen >= 60:
        session[SEEN_KEY] = now
    return False


def open_session(user: User) -> None:
    """Record a new server-side session for `user` and start its timers (at sign-in). Caller commits."""
    now = utcnow()
    db.session.execute(delete(StaffSession).where(StaffSession.started_at < now - _lifetime()))
    record = StaffSession(user_id=user.id, started_at=now)
    db.session.add(record)
    db.session.flush()
    session[SESSION_KEY] = record.id
    session[SEEN_KEY] = int(now.timestamp())


def end_session() -> None:
    """End this browser's session on the server too, so a copied cookie opens nothing. Caller commits."""
    record = _current_record()
    if record is not None and record.ended_at is None:
        record.ended_at = utcnow()
    logout_user()
    session.clear()
