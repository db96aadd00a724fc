"""The audit log: who changed what, and when."""
import json
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.timeutil import utcnow
from app.extensions import db

ACTION_LABELS = {
    "sign_in": "Đăng nhập",
    "sign_in_failed": "Đăng nhập thất bại",
    "sign_out": "Đăng xuất",
    "create": "Thêm",
    "update": "Sửa",
    "delete": "Xóa",
    "import": "Nhập danh mục",
    "settings": "Đổi cài đặt",
    "password_change": "Đổi mật khẩu",
    "password_reset": "Đặt lại mật khẩu",
    # Meetings (app.meetings)
    "upload": "Tải tệp lên",
    "publish": "Công bố",
    "unpublish": "Thu hồi công bố",
    "link_create": "Tạo liên kết chia sẻ",
    "link_revoke": "Thu hồi liên kết",
}

# Table names as staff read them; a model may also set `__audit_label__`.
RECORD_TYPE_LABELS = {
    "procedure": "Thủ tục",
    "field": "Lĩnh vực",
    "user": "Tài khoản",
    "setting": "Cài đặt",
    "dossier": "Hồ sơ",
    "dossier_rating": "Đánh giá hài lòng",
    "life_event": "Sự kiện cuộc sống",
    "life_event_procedure": "Thủ tục của sự kiện cuộc sống",
}


def record_type_label(table: str | None) -> str:
    """The Vietnamese name of a record type, falling back to the table name."""
    if not table:
        return ""
    if table in RECORD_TYPE_LABELS:
        return RECORD_TYPE_LABELS[table]
    for mapper in db.Model.registry.mappers:
        if mapper.local_table.name == table:
            return getattr(mapper.class_, "__audit_label__", table)
    return table


class AuditEntry(db.Model):
    """One recorded action; the username is copied so the entry still reads right later."""

    __tablename__ = "audit_entry"
    __audit__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"), index=True)
    username: Mapped[str] = mapped_column(String(80), default="")
    action: Mapped[str] = mapped_column(String(30), index=True)
    record_type: Mapped[str | None] = mapped_column(String(60), index=True)
    record_id: Mapped[str | None] = mapped_column(String(60))
    label: Mapped[str | None] = mapped_column(String(200))
    # JSON: {"column": [old, new]}; null values when the text is too long to keep.
    changes: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(String(45))

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def record_type_label(self) -> str:
        return record_type_label(self.record_type)

    @property
    def change_list(self) -> list[tuple[str, object, object]]:
        """(column, old, new) triples for display."""
        if not self.changes:
            return []
        return [(name, *(pair or (None, None))) for name, pair in json.loads(self.changes).items()]
