"""The audit log as staff read it: Vietnamese names for columns and values, records by the names people know.

Entries keep the raw facts (column keys, codes, ISO UTC times, ids); this module words them at display
time, so old entries read as well as new ones. Unknown columns and values are shown as stored.
"""
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.auth.models import ROLE_LABELS
from app.community import models as community
from app.core.timeutil import to_local
from app.dossiers import models as dossiers
from app.extensions import db
from app.roster import models as roster

# Column keys as staff name them; the same key means the same thing in every table.
COLUMN_LABELS = {
    "name": "Tên", "title": "Tiêu đề", "text": "Nội dung", "code": "Mã", "username": "Tên đăng nhập",
    "full_name": "Họ và tên", "role": "Vai trò", "active": "Đang hoạt động", "position": "Thứ tự",
    "must_change_password": "Phải đổi mật khẩu", "password_hash": "Mật khẩu", "session_token": "Phiên đăng nhập",
    "status": "Trạng thái", "score": "Mức hài lòng", "comment": "Góp ý", "receipt_code": "Mã hồ sơ",
    "lookup_secret": "Mã tra cứu", "procedure_id": "Thủ tục", "applicant_name": "Họ tên người nộp",
    "applicant_phone": "Số điện thoại người nộp", "applicant_folded": "Tên không dấu", "phone_digits": "Số điện thoại",
    "channel": "Hình thức nộp", "received_at": "Thời điểm tiếp nhận", "digitised": "Đã số hóa",
    "due_date": "Ngày hẹn trả", "finished_at": "Thời điểm giải quyết xong", "finished_on": "Ngày giải quyết xong",
    "result_returned_at": "Thời điểm trả kết quả", "dossier_id": "Hồ sơ",
    "weekday": "Thứ", "session": "Buổi", "starts_on": "Từ ngày", "ends_on": "Đến ngày", "day": "Ngày",
    "kind": "Loại", "member_id": "Thành viên", "note": "Ghi chú", "hamlet_id": "Ấp/thôn", "phone": "Số điện thoại",
    "organisation": "Đơn vị", "joined_on": "Ngày tham gia", "left_on": "Ngày rời tổ", "occurred_on": "Ngày",
    "people_helped": "Số người được hỗ trợ", "starts_at": "Thời gian bắt đầu", "place": "Địa điểm",
    "chair": "Chủ trì", "notes": "Ghi chú", "is_public": "Công khai trên kiosk", "published_at": "Thời điểm công bố",
    "meeting_id": "Cuộc họp", "agenda_item_id": "Nội dung cuộc họp", "presenter": "Người trình bày",
    "original_name": "Tên tệp", "stored_name": "Tệp lưu", "mimetype": "Kiểu tệp", "size": "Dung lượng (byte)",
    "uploaded_at": "Thời điểm tải lên", "uploaded_by": "Người tải lên", "replaced_at": "Thời điểm bị thay",
    "replaces_id": "Thay cho tài liệu", "summary": "Tóm tắt", "url": "Liên kết", "published": "Hiện trên kiosk",
    "guide_id": "Hướng dẫn", "image_path": "Ảnh", "image_type": "Loại ảnh", "slug": "Địa chỉ (slug)",
    "icon": "Biểu tượng", "life_event_id": "Sự kiện cuộc sống", "field_id": "Lĩnh vực", "level": "Cấp thực hiện",
    "online": "Nộp trực tuyến", "online_full": "Trực tuyến toàn trình", "processing_time": "Thời hạn giải quyết",
    "fee": "Phí, lệ phí", "fee_note": "Ghi chú phí", "channels": "Cách thức thực hiện", "applicants": "Đối tượng",
    "result": "Kết quả", "steps": "Trình tự", "documents": "Thành phần hồ sơ", "conditions": "Điều kiện",
    "legal_basis": "Căn cứ pháp lý", "replaced_by": "Thay bằng thủ tục", "is_common": "Thường gặp",
    "short_name": "Tên ngắn gọn", "time_amount": "Thời hạn (số)", "time_unit": "Thời hạn (đơn vị)",
    "what_to_bring": "Cần mang theo", "keywords": "Từ khóa", "reviewed_at": "Thời điểm rà soát",
    "expires_at": "Hết hạn", "revoked_at": "Thời điểm thu hồi", "value": "Giá trị",
}
MEETING_STATUSES = {"draft": "Bản nháp", "published": "Đã công bố"}
PROCEDURE_STATUSES = {"active": "Đang hiệu lực", "replaced": "Đã được thay thế"}
# Values that are codes, by (table, column); `None` as the table applies to every table.
VALUE_WORDS = {
    ("dossier", "status"): dossiers.STATUSES,
    ("dossier", "channel"): dossiers.CHANNELS,
    ("dossier_rating", "score"): dossiers.RATINGS,
    ("meeting", "status"): MEETING_STATUSES,
    ("procedure", "status"): PROCEDURE_STATUSES,
    ("user", "role"): ROLE_LABELS,
    ("team_member", "role"): community.ROLES,
    ("team_member", "organisation"): community.ORGANISATIONS,
    ("activity", "kind"): community.KINDS,
    ("duty_shift", "weekday"): dict(enumerate(roster.WEEKDAYS)),
    (None, "session"): roster.SESSIONS,
    ("duty_exception", "kind"): roster.EXCEPTION_KINDS,
}
# A record is named by the first of these it has; a dossier by its receipt code.
NAME_COLUMNS = ("receipt_code", "code", "username", "title", "name", "text", "original_name")


@dataclass
class Change:
    label: str
    old: str | None
    new: str | None
    hidden: bool  # a secret column: its change is told, its values never shown


def _tables() -> dict:
    return {mapper.local_table.name: mapper for mapper in db.Model.registry.mappers}


def _foreign_table(table: str, column: str) -> str | None:
    mapper = _tables().get(table)
    if mapper is None or column not in mapper.local_table.c:
        return None
    keys = list(mapper.local_table.c[column].foreign_keys)
    return keys[0].column.table.name if keys else None


def record_names(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(table, id) -> the record's name, one query per table; records since deleted are left out."""
    names, mappers = {}, _tables()
    for table in {t for t, _ in pairs}:
        mapper = mappers.get(table)
        columns = mapper.local_table.c if mapper is not None else {}
        name = next((c for c in NAME_COLUMNS if c in columns), None)
        ids = [int(i) for t, i in pairs if t == table and str(i).isdigit()]
        if name is None or "id" not in columns or not ids:
            continue
        rows = db.session.execute(select(columns["id"], columns[name]).where(columns["id"].in_(ids)))
        names.update({(table, str(row_id)): str(value) for row_id, value in rows if value})
    return names


def describe_entries(entries) -> dict[int, dict]:
    """entry id -> {"record": "Hồ sơ XT-2026-000004", "changes": [Change...]} for a page of entries."""
    wanted = set()
    for entry in entries:
        if entry.record_type and entry.record_id:
            wanted.add((entry.record_type, entry.record_id))
        for column, old, new in entry.change_list:
            target = _foreign_table(entry.record_type or "", column)
            wanted |= {(target, str(v)) for v in (old, new) if target and v is not None}
    names = record_names(wanted)
    return {entry.id: {"record": _record(entry, names), "changes": _changes(entry, names)} for entry in entries}


def _record(entry, names: dict) -> str:
    if not entry.record_type:
        return ""
    name = names.get((entry.record_type, entry.record_id)) or entry.label
    kind = entry.record_type_label
    return f"{kind} {name}" if name else kind


def _changes(entry, names: dict) -> list[Change]:
    changes = []
    for column, old, new in entry.change_list:
        hidden = old is None and new is None and entry.action == "update"
        word = lambda value: value_words(entry.record_type, column, value, names)  # noqa: E731
        changes.append(Change(COLUMN_LABELS.get(column, column), word(old), word(new), hidden))
    return changes


def value_words(table: str | None, column: str, value, names: dict | None = None) -> str | None:
    """A stored value as staff read it: words for codes, local times, names for references."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "có" if value else "không"
    words = VALUE_WORDS.get((table, column)) or VALUE_WORDS.get((None, column))
    if words and value in words:
        return words[value]
    target = _foreign_table(table or "", column)
    if target and names and (target, str(value)) in names:
        return names[(target, str(value))]
    return _moment(value) if isinstance(value, str) else str(value)


def _moment(text: str) -> str:
    """ISO UTC times (as the log stores them) in Vietnam time, dd/mm/yyyy HH:MM; dates as dd/mm/yyyy."""
    try:
        if len(text) == 10:
            return date.fromisoformat(text).strftime("%d/%m/%Y")
        if len(text) >= 16 and text[10] == "T":
            return to_local(datetime.fromisoformat(text)).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        pass
    return text
