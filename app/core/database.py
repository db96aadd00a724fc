"""Engine settings per database kind, and the revision counters that invalidate cached pages."""
import time

from flask import Flask, current_app
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from app.extensions import db

# Writes of instances of classes with this attribute bump the named revision in the same transaction.
REVISION_ATTRIBUTE = "__revision__"
# How long a worker trusts a counter it read. Reading it costs a session and a query, more than
# a whole /healthz request (see bench/), on every kiosk request; a change made through another
# worker shows within this delay, one made through this worker at its commit.
REVISION_MAX_AGE = 1.0
# Indexes the migrations create on one database kind only (PostgreSQL trigram search): the models
# do not declare them, so autogenerate and the schema test must not read them as drift.
UNMODELLED_INDEXES = frozenset({"ix_procedure_search_text_trgm"})
_revisions_read: dict[tuple[str, str], tuple[float, int]] = {}


def include_in_autogenerate(_object, name, type_, _reflected, _compare_to) -> bool:
    """Alembic's include_object hook: leave the database-kind-specific indexes alone."""
    return not (type_ == "index" and name in UNMODELLED_INDEXES)


def configure_engine(app: Flask) -> None:
    """Set SQLite pragmas on every connection and hook revision bumps on flush."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite"):
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"connect_args": {"timeout": 15}})
        with app.app_context():
            event.listen(db.engine, "connect", _sqlite_pragmas)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@event.listens_for(Session, "after_flush")
def _bump_revisions(session, _flush_context) -> None:
    names = {
        getattr(obj, REVISION_ATTRIBUTE)
        for obj in (*session.new, *session.dirty, *session.deleted)
        if getattr(obj, REVISION_ATTRIBUTE, None)
    }
    for name in sorted(names):
        bump_revision(session.connection(), name)


def bump_revision(connection, name: str) -> None:
    """Increment the named revision counter, creating it when absent."""
    updated = connection.execute(
        text("UPDATE revision SET value = value + 1 WHERE name = :name"), {"name": name}
    )
    if updated.rowcount == 0:
        connection.execute(text("INSERT INTO revision (name, value) VALUES (:name, 1)"), {"name": name})


def current_revision(name: str) -> int:
    """Read a revision counter, at most once per REVISION_MAX_AGE in this worker."""
    # The database URI is part of the key: tests run many apps, each with its own counter.
    key = (current_app.config["SQLALCHEMY_DATABASE_URI"], name)
    now = time.monotonic()
    read = _revisions_read.get(key)
    if read and now - read[0] < REVISION_MAX_AGE:
        return read[1]
    value = db.session.execute(text("SELECT value FROM revision WHERE name = :name"), {"name": name})
    _revisions_read[key] = (now, value.scalar() or 0)
    return _revisions_read[key][1]


@event.listens_for(Session, "after_commit")
def _forget_revisions(_session) -> None:
    # This worker's own writes (staff edits, imports, tests) show at once.
    _revisions_read.clear()

