"""Admin pages: accounts, the audit log and the settings, as an admin sees them."""
import json
from datetime import date

import time_machine
from sqlalchemy import select

from app import config
from app.audit import services as audit
from app.audit.models import AuditEntry
from app.auth.models import User
from app.catalog.models import Field
from app.extensions import db
from app.setting.services import get_setting
from tests.conftest import STAFF_PASSWORD, StaffClient

HTMX = {"HX-Request": "true"}
GOOD_SETTINGS = {
    "commune_name": "UBND xã Tân Phú",
    "public_base_url": "https://motcua.tanphu.gov.vn",
    "kiosk_idle_seconds": "90",
    "kiosk_announcement": "Thứ Bảy làm việc buổi sáng.",
    "kiosk_voice": "vi",
}


def _entries(**filters) -> list[AuditEntry]:
    return db.session.scalars(select(AuditEntry).filter_by(**filters).order_by(AuditEntry.id)).all()


def _changes(entry: AuditEntry) -> dict:
    return json.loads(entry.changes or "{}")


# --- Accounts --------------------------------------------------------------------------------

def test_users_page_lists_accounts_with_roles(admin_client, make_user):
    make_user("viewer", username="ketoan", full_name="Phạm Thị Kế Toán")
    html = admin_client.get("/quan-tri/nguoi-dung").get_data(as_text=True)
    assert "ketoan" in html and "Phạm Thị Kế Toán" in html and "Chỉ xem" in html
    assert admin_client.user.username in html and "Quản trị" in html


def test_admin_creates_an_account_that_must_change_its_password(app, admin_client):
    response = admin_client.post("/quan-tri/nguoi-dung/them", data={
        "username": "NguyenVanA", "full_name": "Nguyễn Văn A", "role": "officer",
        "password": "tam-thoi-12345"})
    assert response.status_code == 303 and response.headers["Location"] == "/quan-tri/nguoi-dung"
    user = User.by_username("nguyenvana")
    assert user.role == "officer" and user.must_change_password
    [entry] = _entries(action="create", record_type="user", record_id=str(user.id))
    assert entry.username == admin_client.user.username
    assert _changes(entry)["role"] == [None, "officer"] and "password_hash" not in _changes(entry)
    newcomer = StaffClient(app, app.response_class, use_cookies=True)
    newcomer.sign_in("nguyenvana", "tam-thoi-12345")
    assert newcomer.get("/quan-ly/").headers["Location"] == "/doi-mat-khau"


def test_account_form_errors_are_shown_next_to_the_field_and_nothing_is_saved(admin_client, make_user):
    make_user(username="trung")
    bad = {"username": "Trùng tên", "full_name": "", "role": "officer", "password": "ngan"}
    page = admin_client.post("/quan-tri/nguoi-dung/them", data=bad)
    html = page.get_data(as_text=True)
    assert page.status_code == 422 and "<html" in html
    assert "Chỉ dùng chữ không dấu" in html and "ít nhất 10 ký tự" in html
    fragment = admin_client.post("/quan-tri/nguoi-dung/them", headers=HTMX,
                                 data=bad | {"username": "trung", "password": "du-dai-roi-day"})
    assert fragment.status_code == 422
    assert "<html" not in fragment.get_data(as_text=True)
    assert "Tên đăng nhập này đã có." in fragment.get_data(as_text=True)
    assert User.count() == 2


def test_htmx_account_creation_loads_the_list_as_a_whole_page(admin_client):
    response = admin_client.post("/quan-tri/nguoi-dung/them", headers=HTMX, data={
        "username": "moi", "full_name": "", "role": "viewer", "password": "tam-thoi-12345"})
    assert response.status_code == 204 and response.headers["HX-Redirect"] == "/quan-tri/nguoi-dung"
    assert "Đã tạo tài khoản “moi”" in admin_client.get("/quan-tri/nguoi-dung").get_data(as_text=True)


def test_editing_role_and_locking_an_account_is_audited_and_ends_its_session(
        app, admin_client, staff_client):
    officer = staff_client("officer")
    target = officer.user
    response = admin_client.post(f"/quan-tri/nguoi-dung/{target.id}", data={
        "full_name": "Đổi tên", "role": "viewer"})  # "active" unchecked: locked
    assert response.status_code == 303
    db.session.refresh(target)
    assert (target.role, target.active, target.full_name) == ("viewer", False, "Đổi tên")
    [entry] = _entries(action="update", record_type="user", record_id=str(target.id))
    assert _changes(entry)["role"] == ["officer", "viewer"]
    assert _changes(entry)["active"] == [True, False]
    assert entry.username == admin_client.user.username
    assert officer.get("/quan-ly/").status_code == 302
    assert StaffClient(app, app.response_class).sign_in(target.username).status_code == 422


def test_the_last_active_admin_cannot_be_demoted(admin_client):
    me = admin_client.user
    page = admin_client.post(f"/quan-tri/nguoi-dung/{me.id}", data={
        "full_name": "", "role": "officer", "active": "y"})
    assert page.status_code == 422
    assert "quản trị viên cuối cùng" in page.get_data(as_text=True)
    db.session.refresh(me)
    assert me.role == "admin"


def test_reset_password_forces_a_change_at_next_sign_in(app, admin_client, make_user):
    user = make_user()
    short = admin_client.post(f"/quan-tri/nguoi-dung/{user.id}/dat-lai-mat-khau", data={"password": "123"})
    assert short.status_code == 422 and "ít nhất 10 ký tự" in short.get_data(as_text=True)
    done = admin_client.post(f"/quan-tri/nguoi-dung/{user.id}/dat-lai-mat-khau",
                             data={"password": "mat-khau-tam-moi"})
    assert done.status_code == 303
    client = StaffClient(app, app.response_class)
    assert client.sign_in(user.username, STAFF_PASSWORD).status_code == 422
    client.sign_in(user.username, "mat-khau-tam-moi")
    assert client.get("/quan-ly/").headers["Location"] == "/doi-mat-khau"
    [entry] = _entries(action="password_reset")
    assert entry.record_id == str(user.id) and entry.username == admin_client.user.username


def test_missing_account_is_404(admin_client):
    assert admin_client.get("/quan-tri/nguoi-dung/999").status_code == 404


# --- Audit log -------------------------------------------------------------------------------

def test_any_record_write_is_logged_with_old_and_new_values(app):
    field = Field(name="Hộ tịch", slug="ho-tich")
    db.session.add(field)
    db.session.commit()
    assert field.name == "Hộ tịch"  # loaded, as a view loads what it edits
    field.name = "Hộ tịch – Chứng thực"
    db.session.commit()
    db.session.delete(field)
    db.session.commit()
    created, updated, deleted = _entries(record_type="field")
    assert (created.action, updated.action, deleted.action) == ("create", "update", "delete")
    assert _changes(created)["name"] == [None, "Hộ tịch"]
    assert _changes(updated) == {"name": ["Hộ tịch", "Hộ tịch – Chứng thực"]}
    assert deleted.label == "Hộ tịch – Chứng thực" and deleted.record_id == created.record_id
    assert created.username == ""  # no one signed in: the system did it


def test_long_values_are_named_but_not_copied(app, make_procedure):
    procedure = make_procedure()
    procedure.steps = "Bước 1. " * 100
    db.session.commit()
    [entry] = _entries(action="update", record_type="procedure")
    assert _changes(entry) == {"steps": [None, None]}
    assert entry.change_list == [("steps", None, None)]


def test_audit_page_filters_by_user_action_type_and_date(admin_client, make_user):
    with time_machine.travel("2026-03-01 09:00 +0700", tick=False):
        audit.record("import", record_type="procedure", message="Nhập tệp tháng 3", username="canbo1")
    with time_machine.travel("2026-04-15 09:00 +0700", tick=False):
        audit.record("settings", record_type="setting", message="Đổi tên xã", username="canbo2")
    db.session.commit()

    def shown(**params) -> str:
        return admin_client.get("/quan-tri/nhat-ky", query_string=params).get_data(as_text=True)

    assert "Nhập tệp tháng 3" in shown() and "Đổi tên xã" in shown()
    by_user = shown(user="canbo1")
    assert "Nhập tệp tháng 3" in by_user and "Đổi tên xã" not in by_user
    by_action = shown(action="settings")
    assert "Đổi tên xã" in by_action and "Nhập tệp tháng 3" not in by_action
    assert "Nhập tệp tháng 3" not in shown(record_type="user")
    march = shown(since="2026-03-01", until="2026-03-31")
    assert "Nhập tệp tháng 3" in march and "Đổi tên xã" not in march
    assert "Nhập tệp tháng 3" not in shown(since="2026-03-02")


def test_audit_page_is_paginated_and_htmx_gets_only_the_entries(admin_client):
    for n in range(60):
        audit.record("import", record_type="procedure", message=f"Lần nhập số {n:02d}")
    db.session.commit()
    first = admin_client.get("/quan-tri/nhat-ky?action=import").get_data(as_text=True)
    assert "Lần nhập số 59" in first and "Lần nhập số 09" not in first and "Trang sau" in first
    second = admin_client.get("/quan-tri/nhat-ky?action=import&page=2", headers=HTMX)
    html = second.get_data(as_text=True)
    assert "<html" not in html and 'id="audit-entries"' in html
    assert "Lần nhập số 09" in html and "Lần nhập số 10" not in html
    assert second.headers["Vary"] == "Cookie, HX-Request" or "HX-Request" in second.headers["Vary"]


def test_sign_ins_show_in_the_log(admin_client):
    html = admin_client.get("/quan-tri/nhat-ky?action=sign_in").get_data(as_text=True)
    assert "Đăng nhập" in html and admin_client.user.username in html


# --- Settings --------------------------------------------------------------------------------

def test_settings_page_shows_the_defaults(admin_client):
    html = admin_client.get("/quan-tri/cai-dat").get_data(as_text=True)
    assert 'value="UBND xã"' in html and 'value="https://motcua.example.vn"' in html
    assert 'value="120"' in html
    assert "Cảnh báo" not in html


def test_saved_settings_show_on_the_kiosk_at_once_and_are_audited(app, admin_client, client):
    assert "UBND xã Tân Phú" not in client.get("/kiosk/").get_data(as_text=True)  # now cached
    response = admin_client.post("/quan-tri/cai-dat", data=GOOD_SETTINGS)
    assert response.status_code == 303
    kiosk = client.get("/kiosk/").get_data(as_text=True)
    assert "UBND xã Tân Phú" in kiosk and "Thứ Bảy làm việc buổi sáng." in kiosk
    assert 'data-idle-seconds="90"' in kiosk
    assert get_setting("kiosk_idle_seconds") == 90
    [entry] = _entries(action="settings")
    assert _changes(entry)["commune_name"] == ["UBND xã", "UBND xã Tân Phú"]
    assert entry.username == admin_client.user.username


def test_bad_settings_get_messages_next_to_the_field_and_nothing_is_saved(admin_client):
    cases = {
        "public_base_url": ("motcua.tanphu.gov.vn", "http://… hoặc https://…"),
        "kiosk_idle_seconds": ("10", "từ 30 đến 600"),
        "kiosk_announcement": ("x" * 201, "Tối đa 200 ký tự"),
        "commune_name": ("", "Vui lòng nhập tên xã"),
        "kiosk_voice": ("en", "Vui lòng chọn một giọng đọc trong danh sách."),
    }
    for name, (value, message) in cases.items():
        page = admin_client.post("/quan-tri/cai-dat", data=GOOD_SETTINGS | {name: value})
        assert page.status_code == 422, name
        assert message in page.get_data(as_text=True), name
    ftp = admin_client.post("/quan-tri/cai-dat", headers=HTMX,
                            data=GOOD_SETTINGS | {"public_base_url": "ftp://motcua.gov.vn"})
    assert ftp.status_code == 422 and "<html" not in ftp.get_data(as_text=True)
    assert get_setting("commune_name") == "UBND xã" and _entries(action="settings") == []


def test_the_read_aloud_voice_is_chosen_by_region_and_audited(admin_client):
    html = admin_client.get("/quan-tri/cai-dat").get_data(as_text=True)
    assert '<option selected value="vi">Giọng miền Bắc</option>' in html
    assert '<option value="vi-vn-x-central">Giọng miền Trung</option>' in html
    assert '<option value="vi-vn-x-south">Giọng miền Nam</option>' in html
    response = admin_client.post("/quan-tri/cai-dat", data=GOOD_SETTINGS | {"kiosk_voice": "vi-vn-x-south"})
    assert response.status_code == 303 and get_setting("kiosk_voice") == "vi-vn-x-south"
    html = admin_client.get("/quan-tri/cai-dat").get_data(as_text=True)
    assert '<option selected value="vi-vn-x-south">Giọng miền Nam</option>' in html
    [entry] = _entries(action="settings")
    assert _changes(entry)["kiosk_voice"] == ["vi", "vi-vn-x-south"]
    assert "giọng đọc trên kiosk" in entry.message


def test_the_voice_defaults_to_the_environment_and_ignores_a_voice_that_does_not_exist(app, monkeypatch):
    monkeypatch.setenv("KIOSK_VOICE", "vi-vn-x-central")
    assert config.from_environment(app.instance_path)["KIOSK_VOICE"] == "vi-vn-x-central"
    app.config["KIOSK_VOICE"] = "vi-vn-x-central"
    assert get_setting("kiosk_voice") == "vi-vn-x-central"
    app.config["KIOSK_VOICE"] = "en-us"
    assert get_setting("kiosk_voice") == "vi"


def test_an_address_phones_cannot_reach_is_saved_with_a_loud_warning(admin_client):
    for url in ("http://localhost:8000", "http://127.0.0.1", "http://192.168.1.20:8000",
                "http://10.0.0.5", "http://172.20.1.1", "http://motcua.local", "http://maychu",
                "http://[::1]:8000"):
        admin_client.post("/quan-tri/cai-dat", data=GOOD_SETTINGS | {"public_base_url": url})
        html = admin_client.get("/quan-tri/cai-dat").get_data(as_text=True)
        assert "Cảnh báo: điện thoại của người dân sẽ không mở được địa chỉ này." in html, url
    admin_client.post("/quan-tri/cai-dat", data=GOOD_SETTINGS | {"public_base_url": "https://14.225.10.20"})
    assert "Cảnh báo" not in admin_client.get("/quan-tri/cai-dat").get_data(as_text=True)


# --- Staff home ------------------------------------------------------------------------------

def test_staff_home_counts_the_catalogue_and_lists_allowed_sections(seeded_app, staff_client):
    officer = staff_client("officer")
    html = officer.get("/quan-ly/").get_data(as_text=True)
    in_force = db.session.scalar(select(db.func.count()).select_from(
        select(1).where(db.text("status = 'active'")).select_from(db.table("procedure")).subquery()))
    assert f'<span class="stat-number">{in_force}</span> thủ tục đang hiệu lực' in html
    assert "Tài khoản" not in html and "Nhật ký" not in html
    admin_html = staff_client("admin").get("/quan-ly/").get_data(as_text=True)
    assert 'href="/quan-tri/nguoi-dung"' in admin_html and "Thay đổi gần đây" in admin_html
    assert date.today().year > 2000  # keep `date` meaningful for readers: dates are shown local


def test_choosing_a_province_suggests_its_communes(admin_client):
    page = admin_client.get("/quan-tri/cai-dat?tinh=01").get_data(as_text=True)
    assert '<option value="01" selected>Thành phố Hà Nội</option>' in page
    assert '<option value="UBND phường Ba Đình"></option>' in page and 'list="communes"' in page
    fragment = admin_client.get("/quan-tri/cai-dat?tinh=04", headers=HTMX).get_data(as_text=True)
    assert "<html" not in fragment and 'id="commune-picker"' in fragment
    assert "UBND phường Ba Đình" not in fragment and "xã, phường" in fragment


def test_menu_marks_the_section_of_the_open_page(admin_client, make_user):
    user = make_user()
    html = admin_client.get(f"/quan-tri/nguoi-dung/{user.id}").get_data(as_text=True)
    assert html.count('aria-current="page"') == 1
    assert '<a href="/quan-tri/nguoi-dung" aria-current="page">Tài khoản</a>' in html
