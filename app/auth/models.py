"""Staff accounts and the sign-in failure counters that throttle password guessing."""
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, func, select
from sqlalchemy.orm import Mapped, mapped_column

from app.auth import passwords
from app.core.timeutil import utcnow
from app.extensions import db

ROLE_LABELS = {"admin": "Quản trị", "officer": "Cán bộ", "viewer": "Chỉ xem"}
# A role passes every check of a role at or below its rank.
ROLE_RANK = {"viewer": 1, "officer": 2, "admin": 3}


def _new_token() -> str:
    return secrets.token_hex(16)


class User(UserMixin, db.Model):
    """A staff member who signs in to the back office; created by an admin, never by sign-up."""

    __tablename__ = "user"
    __audit_secret__ = frozenset({"password_hash", "session_token"})
    __audit_ignore__ = frozenset({"last_sign_in_at"})

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), default="officer")
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    # Part of the session's user id: changing it signs the user out everywhere.
    session_token: Mapped[str] = mapped_column(String(32), default=_new_token)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column()

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    def has_role(self, role: str) -> bool:
        """True when this user's role ranks at least as high as `role`."""
        return ROLE_RANK.get(self.role, 0) >= ROLE_RANK[role]

    def set_password(self, password: str, *, temporary: bool = False) -> None:
        """Store a new hash and end every other session; a temporary one must be changed."""
        self.password_hash = passwords.hash_password(password)
        self.must_change_password = temporary
        self.end_sessions()

    def end_sessions(self) -> None:
        """Invalidate every session signed in as this user."""
        self.session_token = _new_token()

    def check_password(self, password: str) -> bool:
        """Verify, and upgrade the stored hash when the hashing parameters have changed."""
        if not passwords.verify(self.password_hash, password):
            return False
        if passwords.needs_rehash(self.password_hash):
            self.password_hash = passwords.hash_password(password)
        return True

    @staticmethod
    def normalize(username: str) -> str:
        return username.strip().lower()

    @classmethod
    def by_username(cls, username: str) -> "User | None":
        return db.session.scalar(select(cls).where(cls.username == cls.normalize(username)))

    @classmethod
    def count(cls) -> int:
        return db.session.scalar(select(func.count(cls.id))) or 0

    @classmethod
    def ordered(cls):
        return select(cls).order_by(cls.active.desc(), cls.username)


class SignInThrottle(db.Model):
    """Failed sign-ins per account name or per client address, kept in the database for all workers."""

    __tablename__ = "sign_in_throttle"
    __audit__ = False

    # "pair:<ip>:<username>", "account:<username>" or "address:<ip>"; unknown names are throttled too.
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column()


class StaffSession(db.Model):
    """One signed-in browser, known to the server: sign-out ends it, and it never outlives its hours.

    The signed cookie carries the id; a copy of the cookie taken before sign-out opens nothing after.
    """

    __tablename__ = "staff_session"
    __audit__ = False  # sign-in and sign-out are recorded by the audit log itself

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_new_token)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column()
