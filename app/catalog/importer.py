"""Import procedures from the national database's export (JSON list or CSV), upserting by code.

The importer plans first and writes second, so the CLI and the staff preview share one path,
and a single bad row leaves the catalogue untouched.
"""
import csv
import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import openpyxl
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from sqlalchemy import select

from app.catalog import columns
from app.catalog.columns import COLUMNS, LOCAL, REQUIRED, TEXT_COLUMNS, label
from app.catalog.folding import slugify
from app.catalog.models import CODE_PATTERN, STATUS_REPLACED, Field, Procedure
from app.extensions import db

# Columns compared to decide added / changed / unchanged, in the order a diff lists them.
COMPARED = ("name", "field", "online", *TEXT_COLUMNS, *LOCAL)
MAX_XLSX_INFLATED = 200 * 1024 * 1024
EXCEL_CELL_LIMIT = 32767


class CatalogImportError(Exception):
    """The file cannot be imported; the message says which row and why, in Vietnamese."""


@dataclass
class ImportPlan:
    added: list[dict] = field(default_factory=list)
    changed: list[tuple[dict, dict[str, tuple]]] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Values not understood in columns the kiosk can do without: skipped, the row still imports.
    warnings: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def read_rows(data: bytes, filename: str) -> list[tuple[str, dict]]:
    """Decode a JSON list, a CSV or an XLSX file into (row label, row) pairs."""
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        return _xlsx_rows(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogImportError("Tệp không phải văn bản UTF-8.") from exc
    if filename.lower().endswith(".json") or text.lstrip().startswith(("[", "{")):
        return _json_rows(text)
    return _csv_rows(text)


def _json_rows(text: str) -> list[tuple[str, dict]]:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogImportError(f"Tệp JSON bị lỗi ở dòng {exc.lineno}: {exc.msg}.") from exc
    if not isinstance(items, list):
        raise CatalogImportError("Tệp JSON phải là một danh sách các thủ tục.")
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise CatalogImportError(f"Mục thứ {number}: không phải một thủ tục (cần một đối tượng JSON).")
        rows.append((f"Mục thứ {number}", item))
    return rows


def _csv_rows(text: str) -> list[tuple[str, dict]]:
    # The header names the columns, so its line alone tells the delimiter Excel used.
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        if not reader.fieldnames:
            raise CatalogImportError("Tệp CSV trống.")
        reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
        # Line 1 is the header, so data row i sits on line i + 1.
        return [(f"Dòng {number}", row) for number, row in enumerate(reader, start=2)]
    except csv.Error as exc:
        raise CatalogImportError(f"Tệp CSV bị lỗi ở dòng {reader.line_num}.") from exc


def _xlsx_rows(data: bytes) -> list[tuple[str, dict]]:
    """Read the first sheet; its first row names the columns, like the CSV header."""
    check_xlsx_size(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise CatalogImportError("Tệp Excel bị hỏng hoặc không phải định dạng .xlsx.") from exc
    sheet_rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = [str(cell or "").strip().lower() for cell in next(sheet_rows, [])]
    if not any(header):
        raise CatalogImportError("Trang tính đầu tiên trống.")
    rows = []
    for number, cells in enumerate(sheet_rows, start=2):
        if any(cell not in (None, "") for cell in cells):
            rows.append((f"Dòng {number}", {h: c for h, c in zip(header, cells) if h}))
    workbook.close()
    return rows


def check_xlsx_size(data: bytes) -> None:
    """Refuse a ZIP whose parts inflate past the cap: a small file must not fill the memory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise CatalogImportError("Tệp Excel bị hỏng hoặc không phải định dạng .xlsx.") from exc
    if inflated > MAX_XLSX_INFLATED:
        raise CatalogImportError("Tệp Excel quá lớn khi giải nén.")
    _refuse_doctypes(data)


def _refuse_doctypes(data: bytes) -> None:
    """Refuse a workbook whose XML parts declare a DOCTYPE or entities (XXE, billion laughs).

    Excel never writes one; a declaration comes before the root element, so each part is parsed
    only up to its root (defusedxml raises on the way), in whatever encoding the part declares.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels", ".vml")):
                continue
            try:
                with archive.open(name) as part:
                    next(iterparse(part, events=("start",), forbid_dtd=True), None)
            except DefusedXmlException as exc:
                raise CatalogImportError(
                    "Tệp Excel chứa khai báo DOCTYPE hoặc thực thể XML, không an toàn nên không đọc. "
                    "Vui lòng mở tệp bằng Excel rồi lưu lại thành .xlsx.") from exc
            except Exception:  # a damaged part: openpyxl says so below, in its own words
                continue


NATIONAL_SET = frozenset(columns.NATIONAL)


def clean_row(where: str, raw: dict, warnings: list[str] | None = None) -> dict:
    """Validate one row (keyed by column) and return the values to import.

    National columns are always there (a missing one is empty); the commune's own columns only
    when the file has them; a value not understood in a column the kiosk can do without is left
    out with a warning, so the procedure keeps what it had.
    """
    row = {}
    for column in COLUMNS:
        value = raw.get(column)
        if value is not None and not isinstance(value, (str, int, float, bool)):
            raise CatalogImportError(f"{where}: cột {label(column)} có kiểu dữ liệu không hợp lệ.")
        if column in NATIONAL_SET or column in raw:
            row[column] = _text(value) if value is not None and not isinstance(value, bool) else value
    for column in REQUIRED:
        if not row[column]:
            raise CatalogImportError(f"{where}: thiếu {label(column)} ({column}).")
    if not CODE_PATTERN.match(row["code"]):
        raise CatalogImportError(f"{where}: mã thủ tục '{row['code']}' không đúng dạng N.NNNNNN.")
    if row["url"] and urlsplit(row["url"]).scheme not in ("http", "https"):
        raise CatalogImportError(f"{where}: địa chỉ '{row['url'][:80]}' phải bắt đầu bằng http:// hoặc https://.")
    if len(row["field"]) > 200:
        raise CatalogImportError(f"{where}: tên lĩnh vực dài quá 200 ký tự.")
    for column in TEXT_COLUMNS:
        row[column] = row[column] or None
    columns.read_words(where, row, warnings if warnings is not None else [])
    return row


def _text(value) -> str:
    """Cell text, stripped, without NUL (PostgreSQL cannot store it); undoes the exporter's formula quote."""
    text = str(value).replace("\x00", "").strip()
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]
    return text


def plan_import(rows: Iterable[tuple[str, dict]]) -> ImportPlan:
    """Compare the rows with the catalogue; collect every row-level error instead of stopping."""
    plan = ImportPlan()
    seen: dict[str, str] = {}
    existing = {p.code: p for p in db.session.scalars(select(Procedure).join(Procedure.field))}
    ignored: set[str] = set()
    for where, raw in rows:
        try:
            row = clean_row(where, _by_column(raw, ignored), plan.warnings)
        except CatalogImportError as exc:
            plan.errors.append(str(exc))
            continue
        if row["code"] in seen:
            plan.errors.append(f"{where}: mã {row['code']} trùng với {seen[row['code']]}.")
            continue
        seen[row["code"]] = where
        current = existing.get(row["code"])
        if current is None:
            plan.added.append(row)
        elif diff := _diff(current, row):
            plan.changed.append((row, diff))
        else:
            plan.unchanged.append(row)
    plan.ignored_columns = sorted(ignored)
    return plan


def _by_column(raw: dict, ignored: set[str]) -> dict:
    """A file's row keyed by column, whether its headers are the national keys or our Vietnamese ones."""
    row = {}
    for header, value in raw.items():
        column = columns.column_key(header)
        if column is None:
            ignored.add(str(header))
        elif column not in row or value not in (None, ""):
            row[column] = value
    return row


def _diff(procedure: Procedure, row: dict) -> dict[str, tuple]:
    before = {c: getattr(procedure, c) for c in COMPARED if c != "field" and c in row}
    before["field"] = procedure.field.name
    return {
        c: (before[c], row[c])
        for c in COMPARED
        if c in row and before[c] != row[c] and not _cut_by_excel(before[c], row[c])
    }


def _cut_by_excel(before, after) -> bool:
    """Excel keeps at most 32,767 characters a cell: a cut copy of a longer text is no change."""
    return (
        isinstance(after, str)
        and len(after) >= EXCEL_CELL_LIMIT - 1
        and isinstance(before, str)
        and before.startswith(after)
    )


def apply_plan(plan: ImportPlan) -> None:
    """Write a plan without errors; the caller commits, so it lands whole or not at all."""
    if plan.errors:
        raise CatalogImportError(plan.errors[0])
    fields = {f.name: f for f in db.session.scalars(select(Field))}
    slugs = {f.slug for f in fields.values()}
    by_code = {p.code: p for p in db.session.scalars(select(Procedure))}
    for row in plan.added + [row for row, _ in plan.changed]:
        procedure = by_code.get(row["code"]) or Procedure(code=row["code"])
        db.session.add(procedure)
        for column in COMPARED:
            if column != "field" and column in row:
                setattr(procedure, column, row[column])
        if procedure.status != STATUS_REPLACED:
            procedure.replaced_by = None
        procedure.field = fields.get(row["field"]) or _new_field(row["field"], fields, slugs)
        procedure.refresh_search_text()


def _new_field(name: str, fields: dict, slugs: set) -> Field:
    slug, n = slugify(name), 2
    while slug in slugs:
        slug, n = f"{slugify(name)}-{n}", n + 1
    slugs.add(slug)
    fields[name] = Field(name=name, slug=slug, position=len(fields))
    db.session.add(fields[name])
    return fields[name]


def import_file(data: bytes, filename: str) -> ImportPlan:
    """Plan and apply in one go, committing only when every row is good."""
    plan = plan_import(read_rows(data, filename))
    if plan.errors:
        db.session.rollback()
        return plan
    apply_plan(plan)
    db.session.commit()
    return plan
