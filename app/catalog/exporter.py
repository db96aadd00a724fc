"""Export the catalogue in the importer's own columns, so an export re-imports unchanged."""
import csv
import io

import openpyxl
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.catalog.importer import COLUMNS, EXCEL_CELL_LIMIT
from app.catalog.models import Procedure
from app.extensions import db

ONLINE_WORDS = {True: "co_nop_truc_tuyen", False: "khong_nop_truc_tuyen", None: ""}
# Spreadsheet programs run cells starting with these as formulas (CSV/formula injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def catalogue_rows() -> list[list[str]]:
    """Every procedure as a row of COLUMNS, by code."""
    procedures = db.session.scalars(
        select(Procedure).options(joinedload(Procedure.field)).order_by(Procedure.code)
    )
    return [[_value(p, column) for column in COLUMNS] for p in procedures]


def _value(procedure: Procedure, column: str) -> str:
    if column == "field":
        return procedure.field.name
    if column == "online":
        return ONLINE_WORDS[procedure.online]
    return getattr(procedure, column) or ""


def _safe_cell(value: str) -> str:
    """Neutralise spreadsheet formulas; the importer strips the leading quote back off."""
    return "'" + value if value.startswith(FORMULA_START) else value


def to_csv() -> bytes:
    """UTF-8 with a BOM, so Excel shows the Vietnamese letters correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows([[_safe_cell(v) for v in row] for row in catalogue_rows()])
    return ("\ufeff" + buffer.getvalue()).encode()


def to_xlsx() -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Thủ tục")
    sheet.append(list(COLUMNS))
    for row in catalogue_rows():
        # Excel refuses longer cells; the importer knows a cut text is no change.
        sheet.append([_safe_cell(v)[:EXCEL_CELL_LIMIT] for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
