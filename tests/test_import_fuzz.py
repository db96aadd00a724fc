"""Hostile import files: the importer answers with a message or imports whole, never half, never crashes."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.catalog import importer
from app.catalog.models import Procedure
from app.extensions import db

COLUMN = st.sampled_from([*importer.COLUMNS, "extra", ""])
VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=40), st.sampled_from(["1.001193", "9.000001", "javascript:x", "https://a.vn"]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
ROWS = st.lists(st.dictionaries(COLUMN, VALUE, max_size=8), max_size=6)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _count() -> int:
    return db.session.scalar(select(func.count(Procedure.id)))


def _import(data: bytes, name: str) -> None:
    before = _count()
    try:
        plan = importer.import_file(data, name)
    except importer.CatalogImportError:
        db.session.rollback()
        assert _count() == before
        return
    if plan.errors:
        assert _count() == before
    else:
        assert _count() == before + len(plan.added)


@FUZZ
@given(rows=ROWS)
def test_random_json_rows(app, rows):
    _import(json.dumps(rows).encode(), "x.json")


@FUZZ
@given(data=st.binary(max_size=300), name=st.sampled_from(["x.json", "x.csv", "x.xlsx", "x"]))
def test_random_bytes(app, data, name):
    _import(data, name)


@FUZZ
@given(text=st.text(alphabet=st.sampled_from(list('code,name,field;\t"\n\r1.0023 Hộ tịchđ\x00')), max_size=200))
def test_random_csv_text(app, text):
    _import(text.encode(), "x.csv")
