"""Numbers typed into URLs: anything beyond a database id's range is simply not found.

SQLite stores 64-bit integers and PostgreSQL's `integer` 32-bit ones; a larger number reaching a query
raises OverflowError or DataError, which would be a 500 for a mistyped or hostile URL.
"""
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # PostgreSQL `integer`, the type of every id column


def record_id(value: str) -> int:
    """`type=` for request.args: a non-negative id in range, else ValueError (the argument's default)."""
    number = int(value)
    if not 0 <= number <= MAX_ID:
        raise ValueError(f"id out of range: {value!r}")
    return number


class RecordIdConverter(IntegerConverter):
    """Replaces Werkzeug's `int` converter: an out-of-range number matches no route, so it is a 404."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):  # noqa: A002 (Werkzeug's names)
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
