"""A CCCD scan at intake: the applicant fields filled from the card (or nothing, with the reason), a
scan never saved as a name, and the card number kept only when the admin says so, then masked
everywhere and used to find the citizen's earlier dossiers."""
import html as markup
import io
import json

import openpyxl
import pytest
from sqlalchemy import select

from app.audit.models import AuditEntry
from app.dossiers.models import Dossier, DossierEdit
from app.extensions import db
from app.setting.services import get_setting, save_settings
from tests.test_cccd import NAMES, card
from tests.test_dossiers import HTMX, intake

SCAN = "/quan-ly/ho-so/doc-can-cuoc"
NUMBER, MASKED = "079190001234", "0791••••••34"
LAN = card()  # Nguyễn Thị Lan, 079190001234
BAD_SCANS = {
    "truncated": LAN[:45],
    "url": "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
    "receipt code": "XT-2026-000001",
    "wrong date": card(born="30021990"),
    "11 digits": card(number="07919000123"),
}


@pytest.fixture
def procedure(app, make_procedure):
    return make_procedure(name="Đăng ký khai sinh", processing_time="3 Ngày làm việc")


@pytest.fixture
def keep_numbers(app):
    """The admin's 'lưu số căn cước' switched on."""
    save_settings({"keep_citizen_id_number": True})
    db.session.commit()


def scanned(client, text: str, **fields) -> str:
    """What the applicant box gets back after a scanner typed `text` into it (the htmx fragment)."""
    response = client.post(SCAN, data=intake(applicant_name=text) | fields, headers=HTMX)
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"]
    return response.get_data(as_text=True)


def box_value(html: str, name: str = "applicant_name") -> str:
    """The value attribute of input `name` in `html`."""
    tag = html.split(f'name="{name}"')[0].rsplit("<input", 1)[1] + html.split(f'name="{name}"')[1].split(">")[0]
    return markup.unescape(tag.split('value="')[1].split('"')[0]) if 'value="' in tag else ""


def every_text(client) -> str:
    """Every page and file where a kept number could leak, together."""
    code = db.session.scalar(select(Dossier.receipt_code))
    pages = ["/quan-ly/ho-so/?q=nguyen+lan", "/quan-ly/ho-so/", f"/quan-ly/ho-so/{code}",
             f"/quan-ly/ho-so/{code}/bien-nhan/80mm", f"/quan-ly/ho-so/{code}/bien-nhan/a5"]
    return " ".join(client.get(page).get_data(as_text=True) for page in pages)


def audit_text() -> str:
    return " ".join(f"{e.label} {e.message} {e.changes}" for e in db.session.scalars(select(AuditEntry)))


# --- The scan fills the applicant fields, or nothing -------------------------------------------

def test_a_scan_fills_the_name_and_says_so(procedure, officer_client):
    html = scanned(officer_client, LAN)
    assert "<html" not in html and 'id="nguoi-nop"' in html
    assert box_value(html) == "Nguyễn Thị Lan"
    assert "Đã điền từ căn cước: họ tên <strong>Nguyễn Thị Lan</strong>." in html
    assert "|" not in html.split('id="nguoi-nop"')[1].split("data-scan-pattern")[0]
    # The setting is off: the number is neither kept in the form nor shown, the rest of the card never.
    assert box_value(html, "citizen_id_number") == "" and NUMBER not in html and MASKED not in html
    assert "15041990" not in html and "Phú Hòa" not in html
    assert box_value(html, "applicant_phone") == "0912 345 678"  # what the officer typed stays


def test_without_htmx_the_scan_answers_with_the_whole_intake_page(procedure, officer_client):
    response = officer_client.post(SCAN, data=intake(applicant_name=LAN))
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" in html and "<h1>Tiếp nhận hồ sơ</h1>" in html
    assert box_value(html) == "Nguyễn Thị Lan" and "Đã điền từ căn cước" in html


def test_a_long_address_does_not_cut_the_scan_short(procedure, officer_client):
    """The name box takes 200 letters typed by hand but a whole code from the scanner."""
    long_card = card(address="Tổ dân phố số 12, khu phố Bình Minh, đường Nguyễn Văn Cừ nối dài, phường Phú Hòa, "
                             "thành phố Thủ Dầu Một, tỉnh Bình Dương, nay là phường Phú Lợi, Thành phố Hồ Chí Minh")
    assert len(long_card) > 200
    assert 'maxlength="1000"' in officer_client.get("/quan-ly/ho-so/them").get_data(as_text=True)
    assert box_value(scanned(officer_client, long_card)) == "Nguyễn Thị Lan"


@pytest.mark.parametrize("name", NAMES)
def test_names_keep_every_tone_mark_and_d(procedure, officer_client, name):
    assert box_value(scanned(officer_client, card(name=name))) == name


@pytest.mark.parametrize("kind", BAD_SCANS)
def test_a_bad_scan_fills_nothing_and_says_why(procedure, officer_client, kind):
    html = scanned(officer_client, BAD_SCANS[kind], citizen_id_number=NUMBER)
    assert box_value(html) == "" and box_value(html, "citizen_id_number") == ""
    assert 'role="alert"' in html and "Chưa điền gì vào biểu mẫu." in html and "Đã điền" not in html
    assert f'value="{markup.escape(BAD_SCANS[kind])}"' not in html
    expected = {"truncated": "chưa đủ", "url": "đường dẫn", "receipt code": "mã hồ sơ XT-2026-000001",
                "wrong date": "Ngày sinh", "11 digits": "12 chữ số"}[kind]
    assert expected in html


def test_the_scan_needs_an_officer_and_the_token(app, client, viewer_client):
    assert client.post(SCAN, data=intake(applicant_name=LAN)).status_code == 400  # no token, no session
    assert viewer_client.post(SCAN, data=intake(applicant_name=LAN)).status_code == 403


# --- Without script: a scan submitted as the name is refused, never saved ---------------------

def test_a_scan_submitted_as_the_name_is_refused_and_read(procedure, officer_client):
    response = officer_client.post("/quan-ly/ho-so/them", data=intake(applicant_name=LAN), headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and db.session.scalar(select(Dossier.id)) is None
    assert "không phải họ tên: đã điền họ tên theo căn cước" in html and box_value(html) == "Nguyễn Thị Lan"
    again = officer_client.post("/quan-ly/ho-so/them", data=intake(applicant_name=box_value(html)))
    assert again.status_code == 303
    assert db.session.scalar(select(Dossier.applicant_name)) == "Nguyễn Thị Lan"


@pytest.mark.parametrize("kind", BAD_SCANS)
def test_a_bad_scan_submitted_as_the_name_is_refused(procedure, officer_client, kind):
    response = officer_client.post("/quan-ly/ho-so/them", data=intake(applicant_name=BAD_SCANS[kind]))
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and db.session.scalar(select(Dossier.id)) is None
    assert "Vui lòng quét lại mặt sau căn cước" in html and box_value(html) == ""


def test_a_correction_refuses_a_scan_as_the_name_too(procedure, officer_client):
    officer_client.post("/quan-ly/ho-so/them", data=intake())
    response = officer_client.post("/quan-ly/ho-so/XT-2026-000001/sua", data={
        "procedure_code": "9.000001", "applicant_name": BAD_SCANS["url"], "due_date": "2026-03-05"})
    assert response.status_code == 422 and "đường dẫn" in response.get_data(as_text=True)
    assert Dossier.by_code("XT-2026-000001").applicant_name == "Nguyễn Thị Lan"


def test_the_intake_and_edit_forms_carry_the_scan_script_and_pattern(procedure, officer_client):
    officer_client.post("/quan-ly/ho-so/them", data=intake())
    for page in ("/quan-ly/ho-so/them", "/quan-ly/ho-so/XT-2026-000001/sua"):
        html = officer_client.get(page).get_data(as_text=True)
        assert "js/cccd-scan.js" in html and "data-scan-pattern=" in html and SCAN in html, page


# --- The card number: not kept by default; kept, masked and searchable when the admin says so --

def test_the_number_is_not_kept_by_default(procedure, officer_client):
    assert get_setting("keep_citizen_id_number") is False
    # Even a form that posts a number back (an old page, a crafted request) stores none.
    officer_client.post("/quan-ly/ho-so/them", data=intake(applicant_name="Nguyễn Thị Lan", citizen_id_number=NUMBER))
    assert db.session.scalar(select(Dossier.citizen_id_number)) is None
    assert NUMBER not in every_text(officer_client) and MASKED not in every_text(officer_client)


def settings_form(**values) -> dict:
    """The admin's settings form as posted, with the other settings as they are."""
    return {"commune_name": "UBND xã Tân Phú", "public_base_url": "https://x.vn", "kiosk_idle_seconds": "120",
            "kiosk_voice": get_setting("kiosk_voice")} | values


def test_the_admin_switches_keeping_on_and_it_is_audited(app, admin_client):
    page = admin_client.get("/quan-tri/cai-dat").get_data(as_text=True)
    assert 'name="keep_citizen_id_number"' in page and "Nghị định 13/2023" in page
    assert 'name="keep_citizen_id_number" type="checkbox" value="y">' in page  # off until the admin says so
    admin_client.post("/quan-tri/cai-dat", data=settings_form(keep_citizen_id_number="y"))
    assert get_setting("keep_citizen_id_number") is True
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "settings"))
    assert "lưu số căn cước" in entry.message


def test_switching_keeping_off_erases_the_kept_numbers(procedure, keep_numbers, officer_client, admin_client):
    officer_client.post("/quan-ly/ho-so/them", data=intake(citizen_id_number=NUMBER))
    officer_client.post("/quan-ly/ho-so/them", data=intake(citizen_id_number="079190005678"))
    officer_client.post("/quan-ly/ho-so/them", data=intake())
    response = admin_client.post("/quan-tri/cai-dat", data=settings_form(), follow_redirects=True)
    assert "Đã lưu cài đặt. Đã xóa 2 số căn cước đã lưu." in response.get_data(as_text=True)
    assert db.session.scalars(select(Dossier.citizen_id_number)).all() == [None, None, None]
    assert "Xóa 2 số căn cước đã lưu cùng hồ sơ" in audit_text() and NUMBER not in audit_text()
    assert "earlier-dossiers" not in scanned(officer_client, LAN)
    again = admin_client.post("/quan-tri/cai-dat", data=settings_form(), follow_redirects=True)
    assert "Không có gì thay đổi." in again.get_data(as_text=True) and "Đã xóa" not in again.get_data(as_text=True)


def test_a_kept_number_is_masked_in_the_list_the_page_and_the_receipt(procedure, keep_numbers, officer_client):
    html = scanned(officer_client, LAN)
    assert box_value(html, "citizen_id_number") == NUMBER
    assert f"số căn cước {MASKED} (lưu cùng hồ sơ)" in html
    assert "Chưa có hồ sơ nào trước đây với số căn cước này." in html
    officer_client.post("/quan-ly/ho-so/them", data=intake(applicant_name="Nguyễn Thị Lan", citizen_id_number=NUMBER))
    assert db.session.scalar(select(Dossier.citizen_id_number)) == NUMBER
    pages = every_text(officer_client)
    assert NUMBER not in pages and pages.count(MASKED) >= 5  # list, search, page, two receipts
    slip = officer_client.get("/quan-ly/ho-so/XT-2026-000001/phieu-tra-cuu/80mm").get_data(as_text=True)
    assert MASKED not in slip and NUMBER not in slip


def test_a_kept_number_is_never_in_clear_in_the_audit_log_or_exports(procedure, keep_numbers, officer_client,
                                                                      admin_client, viewer_client):
    officer_client.post("/quan-ly/ho-so/them", data=intake(applicant_name="Nguyễn Thị Lan", citizen_id_number=NUMBER))
    officer_client.post("/quan-ly/ho-so/XT-2026-000001/sua", data={
        "procedure_code": "9.000001", "applicant_name": "Nguyễn Thị Lan", "due_date": "2026-03-06",
        "citizen_id_number": "079190009999"})
    assert Dossier.by_code("XT-2026-000001").citizen_id_number == "079190009999"
    created = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "create", AuditEntry.record_type == "dossier"))
    assert created is not None and "citizen_id_number" not in json.loads(created.changes)
    edit = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "dossier_edit"))
    assert "số căn cước" in edit.message
    assert NUMBER not in audit_text() and "079190009999" not in audit_text()
    log = admin_client.get("/quan-tri/nhat-ky").get_data(as_text=True)
    assert NUMBER not in log and "079190009999" not in log
    history = db.session.scalar(select(DossierEdit.changes))
    assert json.loads(history)["citizen_id_number"] == [MASKED, "0791••••••99"]
    book = openpyxl.load_workbook(io.BytesIO(viewer_client.get("/quan-ly/thong-ke.xlsx?ky=month&nam=2026&thang=3").data))
    cells = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "Đăng ký khai sinh" in cells or "Tổng" in cells
    assert NUMBER not in cells and "079190009999" not in cells and "Nguyễn Thị Lan" not in cells


def test_a_correction_without_a_new_scan_keeps_the_number(procedure, keep_numbers, officer_client):
    officer_client.post("/quan-ly/ho-so/them", data=intake(citizen_id_number=NUMBER))
    form = officer_client.get("/quan-ly/ho-so/XT-2026-000001/sua").get_data(as_text=True)
    assert NUMBER not in form and f"Số căn cước đã lưu: {MASKED}" in form  # never in clear on the edit page
    officer_client.post("/quan-ly/ho-so/XT-2026-000001/sua", data={
        "procedure_code": "9.000001", "applicant_name": "Nguyễn Thị Lành", "due_date": "2026-03-05"})
    dossier = Dossier.by_code("XT-2026-000001")
    assert dossier.applicant_name == "Nguyễn Thị Lành" and dossier.citizen_id_number == NUMBER


def test_the_scan_finds_the_citizens_earlier_dossiers(procedure, keep_numbers, officer_client):
    for name, number in (("Nguyễn Thị Lan", NUMBER), ("Nguyễn Thị Lan", NUMBER), ("Trần Văn Bình", "079190005678"),
                         ("Nguyễn Thị Lan", None)):
        officer_client.post("/quan-ly/ho-so/them", data=intake(applicant_name=name, citizen_id_number=number or ""))
    html = scanned(officer_client, LAN)
    earlier = html.split('class="earlier-dossiers"')[1]
    assert "Hồ sơ trước đây của người này (2)" in earlier
    assert "XT-2026-000001" in earlier and "XT-2026-000002" in earlier
    assert "XT-2026-000003" not in earlier and "XT-2026-000004" not in earlier
    assert "Đăng ký khai sinh" in earlier and "Đã tiếp nhận" in earlier
    found = officer_client.get(f"/quan-ly/ho-so/?q={NUMBER}", headers=HTMX).get_data(as_text=True)
    assert "2 hồ sơ" in found and "XT-2026-000003" not in found


def test_without_keeping_numbers_the_scan_lists_no_earlier_dossiers(procedure, officer_client):
    officer_client.post("/quan-ly/ho-so/them", data=intake())
    html = scanned(officer_client, LAN, citizen_id_number=NUMBER)
    assert "earlier-dossiers" not in html and "XT-2026-000001" not in html
