"""Import procedures from the national database's export (JSON list or CSV), upserting by code.

The importer plans first and writes second, so the CLI and the staff preview share one path,
and a single bad row leaves the catalogue untouched.
"""
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import select

from app.catalog import columns
from app.catalog.columns import COLUMNS, LOCAL, REQUIRED, TEXT_COLUMNS, label
from app.catalog.files import CatalogImportError, iter_rows, read_rows
from app.catalog.folding import slugify
from app.catalog.models import CODE_PATTERN, STATUS_REPLACED, Field, Procedure
from app.extensions import db

# Columns compared to decide added / changed / unchanged, in the order a diff lists them.
COMPARED = ("name", "field", "online", *TEXT_COLUMNS, *LOCAL)
# A catalogue has a few thousand procedures (a province 2,625): a bigger file is a mistake or an attack.
MAX_ROWS = 20_000
# Messages kept and shown in the preview; the rest are counted.
SHOWN_MESSAGES = 200
EXCEL_CELL_LIMIT = 32767


@dataclass
class ImportPlan:
    added: list[dict] = field(default_factory=list)
    changed: list[tuple[dict, dict[str, tuple]]] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    # The first SHOWN_MESSAGES errors and warnings, and how many there were in all.
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    # Values not understood in columns the kiosk can do without: skipped, the row still imports.
    warnings: list[str] = field(default_factory=list)
    warning_count: int = 0
    ignored_columns: list[str] = field(default_factory=list)

    def add_error(self, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < SHOWN_MESSAGES:
            self.errors.append(message)

    def add_warnings(self, messages: list[str]) -> None:
        self.warning_count += len(messages)
        self.warnings.extend(messages[:max(0, SHOWN_MESSAGES - len(self.warnings))])


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
        warnings: list[str] = []
        try:
            row = clean_row(where, _by_column(raw, ignored), warnings)
        except CatalogImportError as exc:
            plan.add_error(str(exc))
            continue
        plan.add_warnings(warnings)
        if row["code"] in seen:
            plan.add_error(f"{where}: mã {row['code']} trùng với {seen[row['code']]}.")
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
    plan = plan_import(iter_rows(data, filename, MAX_ROWS))
    if plan.errors:
        db.session.rollback()
        return plan
    apply_plan(plan)
    db.session.commit()
    return plan


__all__ = ["CatalogImportError", "ImportPlan", "apply_plan", "import_file", "iter_rows", "plan_import", "read_rows"]
