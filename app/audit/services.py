"""Recording audit entries: explicitly for named actions, and automatically for every ORM write.

Explicit: `audit.record("import", record_type="procedure", message="...")` joins the caller's
transaction. Automatic: a flush listener writes create/update/delete entries for every mapped
object, unless its class sets `__audit__ = False`. A class may also set `__audit_secret__`
(columns named but never shown) and `__audit_ignore__` (columns whose change alone is not worth
an entry).
"""
import json
from datetime import date, datetime, time, timedelta, timezone

from flask import g, has_app_context, has_request_context, request
from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session

from app.audit.models import AuditEntry
from app.core.timeutil import VN_TZ, utcnow
from app.extensions import db

# Bookkeeping columns every model may have: their change is never the news.
IGNORED_COLUMNS = frozenset({"created_at", "updated_at", "search_text"})
SHORT_VALUE = 120
LABEL_ATTRIBUTES = ("code", "username", "name", "title", "key")


def set_actor(user) -> None:
    """Attribute this request's writes to `user` (called when the user is loaded or signs in)."""
    g.audit_actor = (user.id, user.username) if user is not None else None


def _actor() -> tuple[int | None, str]:
    actor = g.get("audit_actor") if has_app_context() else None
    return actor or (None, "")


def _address() -> str | None:
    return request.remote_addr if has_request_context() else None


def record(action: str, *, record_type: str | None = None, record_id=None, label: str | None = None,
           message: str | None = None, changes: dict | None = None, username: str | None = None) -> None:
    """Add an explicit entry to the current transaction; the caller commits."""
    user_id, actor_name = _actor()
    db.session.add(AuditEntry(
        created_at=utcnow(), user_id=user_id, username=username if username is not None else actor_name,
        action=action, record_type=record_type,
        record_id=None if record_id is None else str(record_id), label=_short(label, 200),
        changes=json.dumps(changes, ensure_ascii=False, default=str) if changes else None,
        message=message, address=_address(),
    ))


def _short(value, limit: int = SHORT_VALUE):
    if isinstance(value, str) and len(value) > limit:
        return value[: limit - 1] + "…"
    return value


def _shown(value):
    """A value worth keeping in the log: short scalars only."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str) and len(value) <= SHORT_VALUE:
        return value
    return None


def _audited(obj) -> bool:
    return getattr(obj, "__audit__", True) and not isinstance(obj, AuditEntry)


def _describe(obj) -> tuple[str, str | None, str | None]:
    """(record type, record id, label) read from loaded state only: no query during a flush."""
    state = inspect(obj)
    mapper = state.mapper
    values = state.dict
    ids = [values.get(mapper.get_property_by_column(c).key) for c in mapper.primary_key]
    label = next((values[a] for a in LABEL_ATTRIBUTES if values.get(a)), None)
    record_id = "/".join(str(i) for i in ids) if any(i is not None for i in ids) else None
    return mapper.local_table.name, record_id, _short(str(label), 200) if label else None


def _column_keys(obj) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs if attr.key not in IGNORED_COLUMNS]


def _created(obj) -> dict:
    secret = getattr(obj, "__audit_secret__", ())
    values = inspect(obj).dict
    # The new record's id is already the entry's record_id.
    return {key: [None, _shown(values.get(key))] for key in _column_keys(obj)
            if key not in secret and key != "id" and _shown(values.get(key)) not in (None, "")}


def _updated(obj) -> dict:
    state = inspect(obj)
    secret = getattr(obj, "__audit_secret__", ())
    changes = {}
    for key in _column_keys(obj):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old == new and history.deleted:
            continue
        changes[key] = None if key in secret else [_shown(old), _shown(new)]
    ignored = getattr(obj, "__audit_ignore__", ())
    return changes if set(changes) - set(ignored) else {}


def _row(action: str, obj, changes: dict | None) -> dict:
    record_type, record_id, label = _describe(obj)
    user_id, username = _actor()
    return {
        "created_at": utcnow(), "user_id": user_id, "username": username, "action": action,
        "record_type": record_type, "record_id": record_id, "label": label,
        "changes": json.dumps(changes, ensure_ascii=False, default=str) if changes else None,
        "message": None, "address": _address(),
    }


@event.listens_for(Session, "after_flush")
def _record_flush(session, _flush_context) -> None:
    rows = [_row("create", obj, _created(obj)) for obj in session.new if _audited(obj)]
    for obj in session.dirty:
        if _audited(obj) and session.is_modified(obj, include_collections=False):
            changes = _updated(obj)
            if changes:
                rows.append(_row("update", obj, changes))
    rows += [_row("delete", obj, None) for obj in session.deleted if _audited(obj)]
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)


def filtered(user: str = "", action: str = "", record_type: str = "",
             since: date | None = None, until: date | None = None):
    """A newest-first query of entries matching the given filters (dates in Vietnam time)."""
    query = select(AuditEntry).order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    if user:
        query = query.where(AuditEntry.username == user)
    if action:
        query = query.where(AuditEntry.action == action)
    if record_type:
        query = query.where(AuditEntry.record_type == record_type)
    if since:
        query = query.where(AuditEntry.created_at >= _utc_midnight(since))
    if until:
        query = query.where(AuditEntry.created_at < _utc_midnight(until + timedelta(days=1)))
    return query


def _utc_midnight(day: date) -> datetime:
    """The stored (naive UTC) moment at which `day` starts in Vietnam."""
    local = datetime.combine(day, time.min, tzinfo=VN_TZ)
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def known_values(column) -> list[str]:
    """Distinct values of an entry column, for the filter menus."""
    return [v for v in db.session.scalars(select(column).distinct().order_by(column)) if v]
