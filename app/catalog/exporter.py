"""Export the catalogue in the importer's own columns, so an export re-imports unchanged."""
import openpyxl
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.catalog.importer import COLUMNS, EXCEL_CELL_LIMIT
from app.catalog.models import Procedure
from app.core.spreadsheets import csv_bytes, safe_row, xlsx_bytes
from app.extensions import db

ONLINE_WORDS = {True: "co_nop_truc_tuyen", False: "khong_nop_truc_tuyen", None: ""}


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


def to_csv() -> bytes:
    return csv_bytes([COLUMNS, *catalogue_rows()])


def to_xlsx() -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Thủ tục")
    sheet.append(list(COLUMNS))
    for row in catalogue_rows():
        # Excel refuses longer cells; the importer knows a cut text is no change.
        sheet.append([value[:EXCEL_CELL_LIMIT] for value in safe_row(row)])
    return xlsx_bytes(workbook)
