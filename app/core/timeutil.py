"""Times are stored in UTC and shown in Vietnam's time zone."""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def utcnow() -> datetime:
    """Now in UTC, as a naive datetime (the form both SQLite and PostgreSQL store)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def to_local(value: datetime) -> datetime:
    """A stored UTC datetime as Vietnam local time."""
    return value.replace(tzinfo=timezone.utc).astimezone(VN_TZ)
