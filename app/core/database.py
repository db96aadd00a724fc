"""Engine settings per database kind, and the revision counters that invalidate cached pages."""
from flask import Flask
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from app.extensions import db

# Writes of instances of classes with this attribute bump the named revision in the same transaction.
REVISION_ATTRIBUTE = "__revision__"


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
    """Read a revision counter: one indexed row, cheap enough for every kiosk request."""
    value = db.session.execute(text("SELECT value FROM revision WHERE name = :name"), {"name": name})
    return value.scalar() or 0

