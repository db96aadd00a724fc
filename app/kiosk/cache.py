"""Per-worker cache of rendered kiosk pages, dropped whenever kiosk content changes.

Every write to kiosk-visible content bumps the 'kiosk' revision in the database (see
app.core.database), so each gunicorn worker notices a change on its next request.
"""
from collections import OrderedDict
from collections.abc import Callable

from flask import current_app

from app.core.database import current_revision

MAX_PAGES = 2000

_pages: OrderedDict[tuple, bytes] = OrderedDict()
_revision: list[tuple] = [()]


def cached(key: tuple, render: Callable[[], str]) -> bytes:
    """Return the page stored under `key` at the current revision, rendering it when missing."""
    # The database URI is part of the key: tests run many apps, each with its own counter.
    revision = (current_app.config["SQLALCHEMY_DATABASE_URI"], current_revision("kiosk"))
    if revision != _revision[0]:
        _pages.clear()
        _revision[0] = revision
    if key in _pages:
        _pages.move_to_end(key)
        return _pages[key]
    body = render().encode()
    _pages[key] = body
    if len(_pages) > MAX_PAGES:
        _pages.popitem(last=False)
    return body


def clear() -> None:
    """Forget every page (tests use it between app instances)."""
    _pages.clear()
    _revision[0] = ()
