"""The catalogue file's columns: the national export's English keys, our Vietnamese headers, and the
words each column's cells may hold. The exporter writes these headers; the importer reads both."""
import re

from app.catalog.folding import fold
from app.catalog.models import CODE_PATTERN, STATUS_ACTIVE, STATUS_REPLACED

REQUIRED = ("code", "name", "field")
TEXT_COLUMNS = (
    "level", "processing_time", "fee", "fee_note", "channels", "applicants",
    "result", "url", "steps", "documents", "conditions", "legal_basis",
)
NATIONAL = (*REQUIRED, "online", *TEXT_COLUMNS)
# Kept by the commune, absent from the national export: a file without the column leaves them alone.
LOCAL = ("status", "replaced_by", "is_common", "short_name", "what_to_bring", "time_amount", "time_unit")
COLUMNS = (*NATIONAL, *LOCAL)
# The order an officer reads the exported sheet in.
EXPORTED = ("code", "name", "short_name", "field", "status", "replaced_by", "is_common", "online",
            "time_amount", "time_unit", "what_to_bring", *TEXT_COLUMNS)

LABELS = {
    "code": "Mã thủ tục", "name": "Tên thủ tục", "short_name": "Tên ngắn gọn", "field": "Lĩnh vực",
    "status": "Tình trạng", "replaced_by": "Mã thủ tục thay thế", "is_common": "Thường gặp",
    "online": "Nộp trực tuyến", "time_amount": "Thời hạn đã xác nhận (số)",
    "time_unit": "Thời hạn đã xác nhận (đơn vị)", "what_to_bring": "Cần mang theo",
    "level": "Cấp thực hiện", "processing_time": "Thời hạn giải quyết", "fee": "Phí, lệ phí",
    "fee_note": "Ghi chú về phí", "channels": "Cách thức thực hiện", "applicants": "Đối tượng thực hiện",
    "result": "Kết quả thực hiện", "url": "Địa chỉ trên Cổng Dịch vụ công", "steps": "Trình tự thực hiện",
    "documents": "Thành phần hồ sơ", "conditions": "Yêu cầu, điều kiện", "legal_basis": "Căn cứ pháp lý",
}
# Excel column widths (characters), so the long texts do not hide the short ones.
WIDTHS = {"code": 11, "name": 60, "short_name": 30, "field": 24, "status": 14, "replaced_by": 14,
          "is_common": 11, "online": 13, "time_amount": 12, "time_unit": 16, "what_to_bring": 50, "url": 40}
TEXT_WIDTH = 40

STATUS_LABELS = {STATUS_ACTIVE: "Đang áp dụng", STATUS_REPLACED: "Đã thay thế"}
YES_NO = {True: "Có", False: "Không"}
ONLINE_LABELS = {True: "Có", False: "Không", None: "Không rõ"}
TIME_UNITS = ("giờ", "ngày", "ngày làm việc")
MAX_SHORT_NAME = 120
# The national export's words (co_nop_truc_tuyen, khong_ro...), ours, and what people type.
ONLINE_WORDS = {
    "co_nop_truc_tuyen": True, "true": True, "1": True, "co": True, "x": True, "yes": True,
    "khong_nop_truc_tuyen": False, "false": False, "0": False, "khong": False, "no": False,
    "khong_ro": None, "": None, "chua_ro": None, "unknown": None, "null": None, "none": None,
}
YES_NO_WORDS = {"co": True, "x": True, "1": True, "true": True, "yes": True, "thuong_gap": True,
                "khong": False, "": False, "0": False, "false": False, "no": False}
STATUS_WORDS = {"dang_ap_dung": STATUS_ACTIVE, "con_hieu_luc": STATUS_ACTIVE, "active": STATUS_ACTIVE,
                "da_thay_the": STATUS_REPLACED, "da_bi_thay_the": STATUS_REPLACED,
                "het_hieu_luc": STATUS_REPLACED, "replaced": STATUS_REPLACED}


def word(value) -> str:
    """A cell or header as a key: 'Không rõ' -> 'khong_ro', 'Mã thủ tục' -> 'ma_thu_tuc'."""
    return re.sub(r"[^a-z0-9]+", "_", fold(str(value))).strip("_")


HEADERS = {word(label): key for key, label in LABELS.items()} | {key: key for key in COLUMNS}


def column_key(header) -> str | None:
    """The column a file's header names, by its English key or its Vietnamese label; None if unknown."""
    return HEADERS.get(word(header or ""))


def label(column: str) -> str:
    """How messages and the preview name a column: “Nộp trực tuyến”."""
    return f"“{LABELS.get(column, column)}”"


# --- Reading the coded cells: a value not understood is a warning, not a refusal.

class Unclear(ValueError):
    """A cell not understood in a column the kiosk can do without: a warning, not a refusal."""


def read_words(where: str, row: dict, warnings: list[str]) -> None:
    """Turn the coded columns' cells into values; drop (with a warning) those not understood."""
    dropped = set()
    for column, read in READERS.items():
        if column not in row:
            continue
        try:
            row[column] = read(row[column])
        except Unclear as exc:
            shown = str(row.pop(column))[:60]
            dropped.add(column)
            warnings.append(f"{where}: cột {label(column)} = '{shown}' {exc}: giữ nguyên giá trị đang có.")
    # The confirmed time is a number and a unit, both or neither (as the staff form has it).
    time = [row[key] for key in ("time_amount", "time_unit") if key in row]
    if time and (len(time) == 1 or bool(time[0]) != bool(time[1])):
        row.pop("time_amount", None), row.pop("time_unit", None)
        if not dropped & {"time_amount", "time_unit"}:  # else the cell's own warning explains it
            warnings.append(f"{where}: thời hạn đã xác nhận cần cả số và đơn vị: giữ nguyên giá trị đang có.")


def _from_words(words: dict):
    """A reader of cells holding one of `words` (compared folded: 'Không rõ' = 'khong_ro')."""
    def read(value):
        if isinstance(value, bool) or value is None:
            return value
        key = word(value)
        if key not in words:
            raise Unclear("không hiểu được")
        return words[key]
    return read


def _status(value):
    if value in (None, ""):
        raise Unclear("để trống")
    return _from_words(STATUS_WORDS)(value)


def _code_or_none(value):
    if not value:
        return None
    if not CODE_PATTERN.match(value):
        raise Unclear("không đúng dạng N.NNNNNN")
    return value


def _short_name(value):
    if value and len(value) > MAX_SHORT_NAME:
        raise Unclear(f"dài quá {MAX_SHORT_NAME} ký tự")
    return value or None


def _amount(value):
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except ValueError as exc:
        raise Unclear("không phải một số") from exc
    if number != int(number) or not 1 <= number <= 365:
        raise Unclear("phải là số nguyên từ 1 đến 365")
    return int(number)


def _unit(value):
    if not value:
        return None
    units = {word(unit): unit for unit in TIME_UNITS}
    if word(value) not in units:
        raise Unclear("phải là giờ, ngày hoặc ngày làm việc")
    return units[word(value)]


READERS = {
    "online": _from_words(ONLINE_WORDS), "status": _status, "replaced_by": _code_or_none,
    "is_common": _from_words(YES_NO_WORDS), "short_name": _short_name,
    "what_to_bring": lambda value: value or None, "time_amount": _amount, "time_unit": _unit,
}
