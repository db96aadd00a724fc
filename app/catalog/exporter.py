"""Export the catalogue with Vietnamese headers the importer reads back, so an export re-imports unchanged."""
import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.catalog import columns
from app.catalog.columns import EXPORTED, LABELS
from app.catalog.importer import EXCEL_CELL_LIMIT
from app.catalog.models import Procedure
from app.core.spreadsheets import csv_bytes, safe_row, xlsx_bytes
from app.extensions import db

WORDS = {"online": columns.ONLINE_LABELS, "is_common": columns.YES_NO, "status": columns.STATUS_LABELS}


def catalogue_rows() -> list[list]:
    """Every procedure as a row of EXPORTED, by code."""
    procedures = db.session.scalars(
        select(Procedure).options(joinedload(Procedure.field)).order_by(Procedure.code)
    )
    return [[_value(p, column) for column in EXPORTED] for p in procedures]


def _value(procedure: Procedure, column: str):
    if column == "field":
        return procedure.field.name
    value = getattr(procedure, column)
    if column in WORDS:
        return WORDS[column].get(value, value)
    return "" if value is None else value


def header() -> list[str]:
    return [LABELS[column] for column in EXPORTED]


def to_csv() -> bytes:
    return csv_bytes([header(), *catalogue_rows()])


def to_xlsx() -> bytes:
    """One sheet: a bold header row that stays in view, columns as wide as their content needs."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Thủ tục")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(EXPORTED, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = columns.WIDTHS.get(column, columns.TEXT_WIDTH)
    bold = Font(bold=True)
    sheet.append([_bold(sheet, text, bold) for text in safe_row(header())])
    for row in catalogue_rows():
        # Excel refuses longer cells; the importer knows a cut text is no change.
        sheet.append([value[:EXCEL_CELL_LIMIT] if isinstance(value, str) else value for value in safe_row(row)])
    return xlsx_bytes(workbook)


def _bold(sheet, text: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = font
    return cell
