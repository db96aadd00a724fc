"""Account management rules an admin must not break by accident."""
from sqlalchemy import func, select

from app.audit import services as audit
from app.auth.models import User
from app.extensions import db


def create_user(username: str, full_name: str, role: str, password: str) -> User:
    """A new account with a temporary password its owner must change at first sign-in."""
    user = User(username=User.normalize(username), full_name=full_name.strip(), role=role)
    user.set_password(password, temporary=True)
    db.session.add(user)
    return user


def update_user(user: User, full_name: str, role: str, active: bool) -> str | None:
    """Apply the edit, or return why not: the last active admin must stay an active admin."""
    losing_admin = user.role == "admin" and user.active and (role != "admin" or not active)
    if losing_admin and active_admin_count() <= 1:
        return "Không thể bỏ quyền hoặc khóa quản trị viên cuối cùng."
    user.full_name = full_name.strip()
    user.role = role
    if user.active and not active:
        user.end_sessions()
    user.active = active
    return None


def reset_password(user: User, password: str) -> None:
    """Give a temporary password; the user must choose a new one at next sign-in."""
    user.set_password(password, temporary=True)
    audit.record("password_reset", record_type="user", record_id=user.id, label=user.username)


def active_admin_count() -> int:
    query = select(func.count(User.id)).where(User.role == "admin", User.active)
    return db.session.scalar(query) or 0
