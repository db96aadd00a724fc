"""The register after intake: an officer corrects a dossier, finds it however the name or phone is
typed, a citizen types the receipt code loosely, a dead receipt QR is warned about, and the usual
intake (received now) needs no time typed."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from app.audit.models import AuditEntry
from app.core.timeutil import to_local, utcnow
from app.dossiers.models import Dossier
from app.extensions import db
from tests.test_dossiers import HTMX, intake

CODE = "XT-2026-000001"


@pytest.fixture
def dossier(app, make_procedure, officer_client) -> Dossier:
    make_procedure(name="Đăng ký khai sinh", processing_time="3 Ngày làm việc")
    make_procedure(name="Chứng thực bản sao từ bản chính", processing_time="1 Ngày làm việc")
    officer_client.post("/quan-ly/ho-so/them", data=intake(applicant_name="Nguyễn Thị Hoa"))
    return Dossier.by_code(CODE)


def correction(**overrides) -> dict:
    return {"procedure_code": "9.000002", "applicant_name": "Nguyễn Thị Hòa", "applicant_phone": "0987 654 321",
            "due_date": "2026-03-09"} | overrides


def test_an_officer_corrects_a_dossier_and_the_receipt_reprints_with_it(dossier, officer_client):
    form = officer_client.get(f"/quan-ly/ho-so/{CODE}/sua").get_data(as_text=True)
    assert 'value="Nguyễn Thị Hoa"' in form and 'value="2026-03-05"' in form and 'value="9.000001" checked' in form

    response = officer_client.post(f"/quan-ly/ho-so/{CODE}/sua", data=correction())
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/quan-ly/ho-so/{CODE}")
    db.session.expire_all()
    assert dossier.applicant_name == "Nguyễn Thị Hòa" and dossier.applicant_phone == "0987 654 321"
    assert dossier.procedure.code == "9.000002" and dossier.due_date == date(2026, 3, 9)

    page = officer_client.get(f"/quan-ly/ho-so/{CODE}").get_data(as_text=True)
    assert "Đã lưu thay đổi" in page
    assert "Họ tên người nộp: Nguyễn Thị Hoa → <strong>Nguyễn Thị Hòa</strong>" in page
    assert "Hẹn trả: 05/03/2026 → <strong>09/03/2026</strong>" in page
    assert "9.000001 – Đăng ký khai sinh → <strong>9.000002 – Chứng thực bản sao từ bản chính</strong>" in page
    assert officer_client.user.username in page.split("Sửa:")[1]

    receipt = officer_client.get(f"/quan-ly/ho-so/{CODE}/bien-nhan/80mm").get_data(as_text=True)
    assert "Nguyễn Thị Hòa" in receipt and "09/03/2026" in receipt and "Chứng thực bản sao" in receipt
    assert "Nguyễn Thị Hoa<" not in receipt and "05/03/2026" not in receipt


def test_a_correction_is_in_the_audit_log_without_the_personal_data(dossier, officer_client):
    officer_client.post(f"/quan-ly/ho-so/{CODE}/sua", data=correction())
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "dossier_edit"))
    assert entry.username == officer_client.user.username and entry.label == CODE
    assert entry.message.startswith(f"Sửa hồ sơ {CODE}: họ tên người nộp; số điện thoại; thủ tục 9.000001")
    assert "hẹn trả 05/03/2026 → 09/03/2026" in entry.message
    every_entry = " ".join(f"{e.message} {e.changes}" for e in db.session.scalars(select(AuditEntry)))
    assert "Hòa" not in every_entry and "0987" not in every_entry and "hoa" not in every_entry


def test_saving_the_form_unchanged_records_nothing(dossier, officer_client):
    response = officer_client.post(f"/quan-ly/ho-so/{CODE}/sua", data=correction(
        procedure_code="9.000001", applicant_name="Nguyễn Thị Hoa", applicant_phone="0912 345 678",
        due_date="2026-03-05"))
    assert response.status_code == 303
    assert dossier.edits == []
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "dossier_edit")) is None


@pytest.mark.parametrize("overrides, message", [
    ({"applicant_name": "  "}, "Vui lòng nhập họ tên người nộp."),
    ({"applicant_phone": "gọi tôi"}, "Số điện thoại chỉ gồm chữ số"),
    ({"due_date": "2026-03-01"}, "Ngày hẹn trả không được trước ngày tiếp nhận."),
    ({"due_date": ""}, "Vui lòng nhập ngày hẹn trả"),
    ({"procedure_code": "9.999999"}, "Không tìm thấy thủ tục này."),
])
@pytest.mark.parametrize("headers", [{}, HTMX])
def test_a_bad_correction_is_refused_next_to_the_field_and_changes_nothing(dossier, officer_client, overrides,
                                                                          message, headers):
    response = officer_client.post(f"/quan-ly/ho-so/{CODE}/sua", data=correction(**overrides), headers=headers)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html and 'class="field-errors"' in html
    assert ("<html" in html) is not bool(headers)  # htmx gets the form only
    db.session.expire_all()
    assert dossier.applicant_name == "Nguyễn Thị Hoa" and dossier.edits == []


def test_a_dossier_keeps_its_procedure_after_that_procedure_was_retired(dossier, officer_client):
    dossier.procedure.status, dossier.procedure.replaced_by = "replaced", "9.000002"
    db.session.commit()
    response = officer_client.post(f"/quan-ly/ho-so/{CODE}/sua", data=correction(procedure_code="9.000001"))
    assert response.status_code == 303
    assert officer_client.post("/quan-ly/ho-so/them", data=intake()).status_code == 422  # not for new ones


def test_viewers_cannot_correct(dossier, staff_client):
    viewer = staff_client("viewer")
    assert viewer.get(f"/quan-ly/ho-so/{CODE}/sua").status_code == 403
    assert viewer.post(f"/quan-ly/ho-so/{CODE}/sua", data=correction()).status_code == 403


@pytest.mark.parametrize("typed", ["nguyen thi hoa", "NGUYEN HOA", "Nguyễn Thị Hoa", "thị hoa", "0912345678",
                                   "0912 345 678", "0912-345-678", "+84 912 345 678", "345678",
                                   "xt2026000001", "XT-2026-000001", "khai sinh"])
def test_the_register_search_ignores_accents_and_phone_formats(dossier, officer_client, typed):
    fragment = officer_client.get("/quan-ly/ho-so/", query_string={"q": typed}, headers=HTMX).get_data(as_text=True)
    assert CODE in fragment, typed


def test_the_register_search_finds_d_with_a_stroke_and_nothing_else(dossier, officer_client):
    officer_client.post("/quan-ly/ho-so/them", data=intake(applicant_name="Trần Văn Đức", applicant_phone="0203 111 222"))
    found = officer_client.get("/quan-ly/ho-so/?q=Duc", headers=HTMX).get_data(as_text=True)
    assert "XT-2026-000002" in found and CODE not in found
    assert "XT-2026-000002" in officer_client.get("/quan-ly/ho-so/?q=đức", headers=HTMX).get_data(as_text=True)
    nothing = officer_client.get("/quan-ly/ho-so/?q=0999", headers=HTMX).get_data(as_text=True)
    assert CODE not in nothing and "XT-2026-000002" not in nothing
    page = officer_client.get("/quan-ly/ho-so/?q=nguyen+thi+hoa").get_data(as_text=True)
    assert "<html" in page and f">{CODE}</a>" in page and ">XT-2026-000002</a>" not in page


def test_a_correction_is_searchable_at_once(dossier, officer_client):
    officer_client.post(f"/quan-ly/ho-so/{CODE}/sua", data=correction(applicant_name="Lê Văn Đạt",
                                                                      applicant_phone="0977.000.111"))
    assert CODE in officer_client.get("/quan-ly/ho-so/?q=le+van+dat", headers=HTMX).get_data(as_text=True)
    assert CODE in officer_client.get("/quan-ly/ho-so/?q=0977000111", headers=HTMX).get_data(as_text=True)
    assert CODE not in officer_client.get("/quan-ly/ho-so/?q=nguyen+thi+hoa", headers=HTMX).get_data(as_text=True)


@pytest.mark.parametrize("typed", ["xt 2026 000001", "XT2026000001", "xt-2026-000001", " Xt-2026 000001 "])
def test_the_lookup_takes_the_receipt_code_typed_loosely(dossier, client, typed):
    response = client.get("/tra-cuu", query_string={"ma": typed})
    assert response.status_code == 303 and response.headers["Location"] == f"/tra-cuu/{CODE}"
    secret = dossier.lookup_secret
    shown = client.get(f"/tra-cuu/{typed.strip().replace(' ', '')}/{secret.lower()}", follow_redirects=True)
    assert "Cán bộ đã nhận hồ sơ" in shown.get_data(as_text=True)


def test_codes_of_another_shape_keep_their_shape(app, client):
    response = client.get("/tra-cuu", query_string={"ma": "hs 2026 000001"})
    assert response.headers["Location"] == "/tra-cuu/HS2026000001"


@pytest.mark.parametrize("base, warned", [
    ("http://localhost:8000", "“localhost” chỉ dùng được trong máy"),
    ("http://192.168.1.20", "“192.168.1.20” là địa chỉ nội bộ"),
    ("https://motcua.example.vn", None),
])
def test_receipts_warn_while_the_public_address_is_local(dossier, officer_client, app, base, warned):
    app.config["PUBLIC_BASE_URL"] = base
    for url in (f"/quan-ly/ho-so/{CODE}/bien-nhan/80mm", f"/quan-ly/ho-so/{CODE}/phieu-tra-cuu/a5",
                f"/quan-ly/ho-so/{CODE}"):
        html = officer_client.get(url).get_data(as_text=True)
        if warned:
            assert "Mã QR trên biên nhận sẽ không mở được từ điện thoại dùng 4G" in html and warned in html, url
        else:
            assert "không mở được từ điện thoại" not in html, url
    if warned:  # on the receipt, inside the toolbar that print CSS hides
        receipt = officer_client.get(f"/quan-ly/ho-so/{CODE}/bien-nhan/80mm").get_data(as_text=True)
        toolbar = receipt.split('<div class="print-toolbar">')[1].split("</div>")[0]
        assert "base-warning" in toolbar


def test_the_usual_intake_needs_no_time_typed(app, make_procedure, officer_client):
    make_procedure(name="Đăng ký khai sinh", processing_time="3 Ngày làm việc")
    form = officer_client.get("/quan-ly/ho-so/them").get_data(as_text=True)
    box = re.search(r'<input[^>]*name="received_at"[^>]*>', form).group(0)
    assert 'value=""' in box or "value=" not in box  # nothing to Tab through or retype
    # the box waits closed after the Save button, so Tab from the form's fields never enters it
    assert form.index("Lưu hồ sơ") < form.index("<details") < form.index('name="received_at"')
    assert "<details class=\"received-other\">" in form
    before = utcnow()
    data = {k: v for k, v in intake().items() if k != "received_at"}
    assert officer_client.post("/quan-ly/ho-so/them", data=data).status_code == 303
    saved = Dossier.by_code(f"XT-{to_local(before).year}-000001")
    assert abs((saved.received_at - before).total_seconds()) < 120


def test_a_time_typed_for_another_moment_still_counts_and_a_bad_one_opens_the_box(app, make_procedure,
                                                                                  officer_client):
    make_procedure(name="Đăng ký khai sinh", processing_time="3 Ngày làm việc")
    bad = officer_client.post("/quan-ly/ho-so/them", data=intake(received_at="hôm qua"))
    html = bad.get_data(as_text=True)
    assert bad.status_code == 422 and "<details class=\"received-other\" open>" in html
    assert "Vui lòng nhập ngày giờ tiếp nhận, ví dụ" in html and "Not a valid" not in html
    assert officer_client.post("/quan-ly/ho-so/them", data=intake()).status_code == 303
    assert Dossier.by_code(CODE).due_date == date(2026, 3, 5)
