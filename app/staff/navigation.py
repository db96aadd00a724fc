"""The staff sections shown in the menu and on the staff home.

A feature adds its section here; a section appears only once its endpoint exists and only to
users whose role allows it.
"""
from dataclasses import dataclass

from flask import current_app, request, url_for


@dataclass(frozen=True)
class Section:
    label: str
    endpoint: str
    role: str  # the lowest role that may open it
    description: str = ""


SECTIONS = (
    Section("Tổng quan", "staff.home", "viewer", "Tình hình danh mục thủ tục."),
    Section("Thủ tục", "catalog.list_procedures", "viewer", "Xem, sửa, thay thế thủ tục; đánh dấu thường gặp."),
    Section("Sự kiện cuộc sống", "catalog.list_life_events", "viewer", "Các ô lớn trên trang chủ kiosk và thủ tục của từng ô."),
    Section("Thời hạn cần xác nhận", "catalog.review_times", "viewer", "Thủ tục nguồn ghi thời hạn không rõ đơn vị; xác nhận để kiosk hiện và tính ngày hẹn."),
    Section("Lĩnh vực", "catalog.list_fields", "viewer", "Đổi tên và sắp xếp thứ tự lĩnh vực trên kiosk."),
    Section("Mẫu đơn, tờ khai", "paper_forms.list_forms", "viewer", "Mẫu để trống và mẫu điền sẵn hiện trên kiosk; thủ tục còn thiếu mẫu."),
    Section("Nhập danh mục", "catalog.import_catalog", "officer", "Nhập tệp JSON, CSV, XLSX; xem trước rồi áp dụng."),
    Section("Hồ sơ", "dossiers.list_dossiers", "officer", "Tiếp nhận hồ sơ, in biên nhận, đổi trạng thái."),
    Section("Quầy, số thứ tự", "queue.list_counters", "officer", "Gọi số ở quầy, màn hình gọi số, nhóm dịch vụ và giờ phát số."),
    Section("Thống kê", "dossiers.show_statistics", "viewer", "Số hồ sơ tiếp nhận, giải quyết, tỷ lệ trực tuyến, đúng hạn."),
    Section("In mã QR", "qr.choose_sheet", "viewer", "In tờ mã QR khổ A4 để dán ở sảnh."),
    Section("Cuộc họp", "meetings.list_meetings", "viewer", "Tài liệu họp chia sẻ qua mã QR, thẻ đặt bàn."),
    Section("Tổ công nghệ số", "community.list_hamlets", "viewer", "Tổ CNS các ấp, nhật ký hoạt động, báo cáo tháng."),
    Section("Lịch trực", "roster.show_month", "viewer", "Ai trực quầy hỗ trợ nộp hồ sơ trực tuyến, ngày nào."),
    Section("Hướng dẫn", "guides.list_guides", "viewer", "Các bước hướng dẫn hiện chữ lớn trên kiosk."),
    Section("Thông báo", "announcements.list_announcements", "viewer", "Dòng thông báo có hạn trên trang chủ kiosk."),
    Section("Tài khoản", "admin.list_users", "admin", "Tạo tài khoản, phân quyền, đặt lại mật khẩu."),
    Section("Nhật ký", "admin.list_audit_entries", "admin", "Ai đã thay đổi gì, khi nào."),
    Section("Cài đặt", "admin.edit_settings", "admin", "Tên xã, địa chỉ công khai, thông báo trên kiosk."),
)


def sections_for(user) -> list[Section]:
    """The sections `user` may open, among those whose pages exist in this app."""
    views = current_app.view_functions
    return [s for s in SECTIONS if s.endpoint in views and user.has_role(s.role)]


def menu_for(user) -> list[tuple[Section, str, bool]]:
    """(section, href, is_current) for the menu; the longest href the current path starts with wins."""
    links = [(section, url_for(section.endpoint)) for section in sections_for(user)]
    matching = [href for _, href in links if request.path == href or
                (href != url_for("staff.home") and request.path.startswith(href))]
    current = max(matching, key=len, default=None)
    return [(section, href, href == current) for section, href in links]
