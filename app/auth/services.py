"""Signing in and out: lockout, password check, session renewal and audit in one place."""
from dataclasses import dataclass

from flask import request, session
from flask_login import login_user

from app.audit import services as audit
from app.auth import access, lockout, passwords
from app.auth.models import User
from app.core.timeutil import utcnow

WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."


@dataclass
class SignInResult:
    user: User | None = None
    error: str | None = None


def sign_in(username: str, password: str) -> SignInResult:
    """Check the credentials unless locked out; on success renew the session. Caller commits."""
    address = request.remote_addr
    wait = lockout.seconds_to_wait(username, address)
    if wait:
        return SignInResult(error=lockout.describe_wait(wait))
    user = User.by_username(username)
    if user is None or not user.active:
        passwords.waste_time(password)  # the same delay as a real check: names stay secret
        user = None
    if user is None or not user.check_password(password):
        wait = lockout.record_failure(username, address)
        audit.record("sign_in_failed", record_type="user", username=User.normalize(username)[:80],
                     message=f"Bị tạm khóa {wait} giây" if wait else None)
        return SignInResult(error=lockout.describe_wait(wait) if wait else WRONG_CREDENTIALS)
    lockout.reset_account(username, address)
    _start_session(user)
    audit.record("sign_in", record_type="user", record_id=user.id, label=user.username)
    return SignInResult(user=user)


def _start_session(user: User) -> None:
    # A fresh session: nothing from before sign-in (a planted id, an old CSRF token) survives.
    session.clear()
    login_user(user)
    access.open_session(user)
    audit.set_actor(user)
    user.last_sign_in_at = utcnow()


def sign_out(user: User) -> None:
    """Record the sign-out and end the session, on the server as well as in the cookie. Caller commits."""
    audit.record("sign_out", record_type="user", record_id=user.id, label=user.username)
    access.end_session()


def change_password(user: User, new_password: str) -> None:
    """Set the user's own new password; keep this session alive under the new token."""
    user.set_password(new_password)
    audit.record("password_change", record_type="user", record_id=user.id, label=user.username)
    login_user(user)
