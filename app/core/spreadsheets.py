"""Every CSV and XLSX the app writes leaves through here, so no cell becomes a live formula.

A text a person typed (a field's name, a hamlet's) that starts with =, +, -, @, a tab or a carriage
return is run by Excel and LibreOffice as a formula (CSV/formula injection): `=HYPERLINK(...)` sends
the sheet's data away on a click. Such a text gets a leading apostrophe, the spreadsheet programs' own
mark for "this is text"; the catalogue importer takes it off again.
"""
import csv
import io
from collections.abc import Iterable

from openpyxl import Workbook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value`, with a leading apostrophe when it is a text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(values: Iterable) -> list:
    """A row for `sheet.append` of a write-only workbook, whose cells cannot be swept afterwards."""
    return [safe_cell(value) for value in values]


def csv_bytes(rows: Iterable[Iterable]) -> bytes:
    """UTF-8 with a BOM, so Excel shows the Vietnamese letters correctly; every cell made safe."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(safe_row(row) for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode()


def xlsx_bytes(book: Workbook) -> bytes:
    """The saved workbook; every text cell is made safe first (write-only books: rows via safe_row)."""
    if not book.write_only:
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.value = safe_cell(cell.value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
