"""Import dossiers exported from the province's one-stop software (CSV or XLSX).

Headers are matched without diacritics or case ("Mã hồ sơ" = "ma_ho_so"); the columns are listed
in the README. Like the catalogue import, the file is planned first (every row checked, every
error listed with its row) and written second, in one transaction. Receipt codes already in the
register are skipped, so importing the same export twice changes nothing.
"""
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import select

from app.catalog.folding import fold
from app.catalog.files import CatalogImportError, count_rows, iter_rows  # the catalogue import's file reading
from app.catalog.models import Procedure
from app.core.timeutil import VN_TZ, to_local, utcnow
from app.dossiers import calendar
from app.dossiers.models import CATALOG_CHANNELS, FINISHED_STATUSES, RECEIVED, Dossier
from app.dossiers.public_views import CODE_SHAPE
from app.extensions import db

REQUIRED = ("ma_ho_so", "ma_thu_tuc", "nguoi_nop", "ngay_tiep_nhan")
OPTIONAL = ("so_dien_thoai", "kenh", "so_hoa", "han_tra", "trang_thai", "ngay_giai_quyet", "ngay_tra_ket_qua")
CHANNEL_WORDS = {"truc tiep": "direct", "direct": "direct", "truc tuyen": "online", "online": "online",
                 "buu chinh": "postal", "dich vu buu chinh": "postal", "postal": "postal", "": "direct"}
STATUS_WORDS = {
    "da tiep nhan": "received", "moi tiep nhan": "received", "received": "received", "": "received",
    "dang giai quyet": "processing", "dang xu ly": "processing", "processing": "processing",
    "da giai quyet": "resolved", "hoan thanh": "resolved", "da tra ket qua": "resolved", "resolved": "resolved",
    "tra lai": "returned", "bo sung": "returned", "tra lai bo sung": "returned", "returned": "returned",
    "rut ho so": "withdrawn", "da rut": "withdrawn", "withdrawn": "withdrawn",
    "tu choi": "rejected", "khong giai quyet": "rejected", "rejected": "rejected",
}
YES = {"co", "x", "1", "true", "yes", "da so hoa"}
NO = {"", "khong", "0", "false", "no", "chua so hoa"}
# A commune registers a few thousand dossiers a year; a province's export of several years fits.
MAX_ROWS = 200_000
# Errors kept and shown in the preview; the rest are counted.
SHOWN_ERRORS = 200
DATE_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M",
                "%Y-%m-%dT%H:%M", "%Y-%m-%d")


class RowError(Exception):
    """One row cannot be imported; the message names the row and the column, in Vietnamese."""


@dataclass
class ImportPlan:
    added: list[dict] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    # The first SHOWN_ERRORS errors, and how many there were in all.
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    ignored_columns: list[str] = field(default_factory=list)

    def add_error(self, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < SHOWN_ERRORS:
            self.errors.append(message)


def header(name) -> str:
    """'Mã hồ sơ' -> 'ma_ho_so'."""
    return re.sub(r"[^a-z0-9]+", "_", fold(str(name or ""))).strip("_")


def _text(raw: dict, column: str) -> str:
    value = raw.get(column)
    return "" if value is None else str(value).replace("\x00", "").strip()  # PostgreSQL refuses NUL


def _moment(label: str, column: str, value) -> datetime | None:
    """A cell as naive UTC: an Excel date, or text like 02/03/2026 08:30 (Vietnam time)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        local = value
    elif isinstance(value, date):
        local = datetime.combine(value, datetime.min.time())
    else:
        local = next((parsed for fmt in DATE_FORMATS if (parsed := _parse(str(value).strip(), fmt))), None)
        if local is None:
            raise RowError(f"{label}: cột '{column}' = '{str(value)[:40]}' không phải ngày, ví dụ 02/03/2026 08:30.")
    return local.replace(tzinfo=VN_TZ).astimezone(timezone.utc).replace(tzinfo=None)


def _parse(text: str, fmt: str) -> datetime | None:
    try:
        return datetime.strptime(text, fmt)
    except ValueError:
        return None


def _word(label: str, column: str, value: str, words: dict):
    key = fold(value).strip()
    if key not in words:
        raise RowError(f"{label}: cột '{column}' = '{value[:40]}' không hiểu được.")
    return words[key]


def clean_row(label: str, raw: dict, procedures: dict[str, Procedure]) -> dict:
    """Check one row and return the dossier's values."""
    for column in REQUIRED:
        if not _text(raw, column):
            raise RowError(f"{label}: thiếu cột '{column}'.")
    code = re.sub(r"\s+", "", _text(raw, "ma_ho_so")).upper()
    if not CODE_SHAPE.match(code):
        raise RowError(f"{label}: mã hồ sơ '{code[:40]}' chỉ được gồm chữ, số và dấu gạch ngang.")
    procedure = procedures.get(_text(raw, "ma_thu_tuc"))
    if procedure is None:
        raise RowError(f"{label}: không có thủ tục mã '{_text(raw, 'ma_thu_tuc')[:20]}' trong danh mục.")
    row = {"receipt_code": code, "procedure": procedure, "applicant_name": _text(raw, "nguoi_nop")[:200],
           "applicant_phone": _text(raw, "so_dien_thoai")[:20] or None,
           "channel": _word(label, "kenh", _text(raw, "kenh"), CHANNEL_WORDS),
           "digitised": _word(label, "so_hoa", _text(raw, "so_hoa"), dict.fromkeys(YES, True) | dict.fromkeys(NO, False)),
           "status": _word(label, "trang_thai", _text(raw, "trang_thai"), STATUS_WORDS),
           "received_at": _moment(label, "ngay_tiep_nhan", raw.get("ngay_tiep_nhan")),
           "finished_at": _moment(label, "ngay_giai_quyet", raw.get("ngay_giai_quyet")),
           "result_returned_at": _moment(label, "ngay_tra_ket_qua", raw.get("ngay_tra_ket_qua"))}
    return _check_dates(label, raw, row)


def _check_dates(label: str, raw: dict, row: dict) -> dict:
    received = row["received_at"]
    if received > utcnow():
        raise RowError(f"{label}: ngày tiếp nhận ở tương lai.")
    due = _moment(label, "han_tra", raw.get("han_tra"))
    row["due_date"] = to_local(due).date() if due else calendar.procedure_due_date(
        row["procedure"], CATALOG_CHANNELS[row["channel"]], to_local(received).date())
    if row["due_date"] is None:
        raise RowError(f"{label}: thiếu hạn trả và thủ tục không ghi rõ thời hạn để tự tính.")
    if row["due_date"] < to_local(received).date():
        raise RowError(f"{label}: hạn trả trước ngày tiếp nhận.")
    if row["status"] in FINISHED_STATUSES and row["finished_at"] is None:
        raise RowError(f"{label}: hồ sơ đã kết thúc nhưng thiếu 'ngay_giai_quyet'.")
    if row["finished_at"] and row["finished_at"] < received:
        raise RowError(f"{label}: ngày giải quyết trước ngày tiếp nhận.")
    if row["status"] not in FINISHED_STATUSES:
        row["finished_at"] = None
    return row


def plan_import(rows: Iterable[tuple[str, dict]]) -> ImportPlan:
    """Check every row against the register and the catalogue, collecting every error."""
    plan = ImportPlan()
    known = set(REQUIRED + OPTIONAL)
    ignored: set[str] = set()
    procedures = {p.code: p for p in db.session.scalars(select(Procedure))}
    existing = set(db.session.scalars(select(Dossier.receipt_code)))
    seen: dict[str, str] = {}
    for label, raw in rows:
        raw = {header(k): v for k, v in raw.items()}
        ignored.update(c for c in raw if c and c not in known)
        try:
            row = clean_row(label, raw, procedures)
        except RowError as exc:
            plan.add_error(str(exc))
            continue
        if row["receipt_code"] in existing:
            plan.existing.append(row["receipt_code"])
        elif row["receipt_code"] in seen:
            plan.add_error(f"{label}: mã hồ sơ {row['receipt_code']} trùng với {seen[row['receipt_code']]}.")
        else:
            seen[row["receipt_code"]] = label
            plan.added.append(row)
    plan.ignored_columns = sorted(ignored)
    return plan


def apply_plan(plan: ImportPlan, user=None) -> None:
    """Write a plan without errors; the caller commits, so all rows land or none."""
    if plan.errors:
        raise RowError(plan.errors[0])
    for row in plan.added:
        values = {k: v for k, v in row.items() if k not in ("status", "finished_at")}
        dossier = Dossier(**values)
        dossier.change_status(RECEIVED, user, at=row["received_at"])
        if row["status"] != RECEIVED:
            dossier.change_status(row["status"], user, at=row["finished_at"] or row["received_at"])
        db.session.add(dossier)


def plan_file(data: bytes, filename: str) -> ImportPlan:
    """Read and plan an uploaded file; CatalogImportError for an unreadable or oversized one."""
    return plan_import(iter_rows(data, filename, MAX_ROWS))


def check_file(data: bytes, filename: str) -> None:
    """Read the file once without keeping its rows; CatalogImportError if unreadable or past MAX_ROWS."""
    count_rows(data, filename, MAX_ROWS)


__all__ = ["CatalogImportError", "ImportPlan", "apply_plan", "check_file", "plan_file", "plan_import"]
