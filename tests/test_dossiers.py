"""The register from the counter's side: intake, refusals, status changes, receipts, access."""
import re
import threading
from datetime import date, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from app.audit.models import AuditEntry
from app.core.timeutil import to_local, utcnow
from app.dossiers import services
from app.dossiers.models import Dossier
from app.extensions import db
from app.qr.services import content_tag

HTMX = {"HX-Request": "true"}
PUBLIC = "https://motcua.example.vn"
MY_TABLES = {"dossier", "dossier_status_change", "dossier_edit", "dossier_rating", "receipt_counter", "lookup_throttle"}


@pytest.fixture
def procedure(app, make_procedure):
    return make_procedure(name="Đăng ký khai sinh", processing_time="3 Ngày làm việc")


def intake(**overrides) -> dict:
    return {"procedure_code": "9.000001", "applicant_name": "Nguyễn Thị Lan", "applicant_phone": "0912 345 678",
            "channel": "direct", "received_at": "2026-03-02T08:30"} | overrides


def count() -> int:
    return db.session.scalar(select(func.count(Dossier.id)))


def test_intake_saves_the_dossier_with_a_working_day_due_date(procedure, officer_client):
    response = officer_client.post("/quan-ly/ho-so/them", data=intake(digitised="y"))
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/quan-ly/ho-so/XT-2026-000001")
    dossier = Dossier.by_code("XT-2026-000001")
    assert dossier.due_date == date(2026, 3, 5)  # Monday + 3 working days
    assert dossier.digitised and dossier.channel == "direct" and dossier.status == "received"
    assert to_local(dossier.received_at).strftime("%d/%m/%Y %H:%M") == "02/03/2026 08:30"
    assert [(c.status, c.username) for c in dossier.changes] == [("received", officer_client.user.username)]
    page = officer_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đã tiếp nhận hồ sơ XT-2026-000001, hẹn trả 05/03/2026." in page


def test_receipt_codes_count_up_within_the_year_of_receipt(procedure, officer_client):
    officer_client.post("/quan-ly/ho-so/them", data=intake())
    officer_client.post("/quan-ly/ho-so/them", data=intake())
    officer_client.post("/quan-ly/ho-so/them", data=intake(received_at="2025-12-31T16:00"))
    codes = db.session.scalars(select(Dossier.receipt_code).order_by(Dossier.id)).all()
    assert codes == ["XT-2026-000001", "XT-2026-000002", "XT-2025-000001"]


def test_htmx_intake_loads_the_dossier_page_whole(procedure, officer_client):
    response = officer_client.post("/quan-ly/ho-so/them", data=intake(), headers=HTMX)
    assert response.status_code == 204
    assert response.headers["HX-Redirect"].endswith("/quan-ly/ho-so/XT-2026-000001")


@pytest.mark.parametrize("overrides, message", [
    ({"received_at": (to_local(utcnow()) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")},
     "Thời điểm tiếp nhận không được ở tương lai."),
    ({"due_date": "2026-03-01"}, "Ngày hẹn trả không được trước ngày tiếp nhận."),
    ({"procedure_code": "9.999999"}, "Không tìm thấy thủ tục này."),
    ({"procedure_code": "", "procedure": "khai sinh"}, "Không tìm thấy thủ tục này."),
    ({"applicant_name": " "}, "Vui lòng nhập họ tên người nộp."),
    ({"applicant_phone": "gọi tôi"}, "Số điện thoại chỉ gồm chữ số"),
    ({"received_at": "hôm qua"}, "Vui lòng nhập ngày giờ tiếp nhận"),
])
@pytest.mark.parametrize("headers", [{}, HTMX])
def test_bad_input_is_refused_next_to_the_field_and_nothing_saved(procedure, officer_client, overrides,
                                                                  message, headers):
    response = officer_client.post("/quan-ly/ho-so/them", data=intake(**overrides), headers=headers)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html and 'class="field-errors"' in html
    assert ("<html" in html) is not bool(headers)
    assert count() == 0


def test_a_procedure_without_a_clear_time_needs_the_officer_to_enter_the_due_date(app, make_procedure,
                                                                                   officer_client):
    make_procedure(processing_time="5")
    refused = officer_client.post("/quan-ly/ho-so/them", data=intake())
    assert refused.status_code == 422
    assert "không ghi rõ thời hạn giải quyết: vui lòng nhập ngày hẹn trả" in refused.get_data(as_text=True)
    saved = officer_client.post("/quan-ly/ho-so/them", data=intake(due_date="2026-03-20"))
    assert saved.status_code == 303
    assert Dossier.by_code("XT-2026-000001").due_date == date(2026, 3, 20)


def test_a_typed_text_is_answered_with_the_kiosk_search_as_choices(seeded_app, staff_client):
    client = staff_client("officer")
    fragment = client.get("/quan-ly/ho-so/them/goi-y?procedure=khai+sinh", headers=HTMX).get_data(as_text=True)
    assert fragment.lstrip().startswith('<fieldset class="suggestions"')
    assert 'name="procedure_code" value="1.001193"' in fragment
    page = client.get("/quan-ly/ho-so/them/goi-y?procedure=khai+sinh").get_data(as_text=True)
    assert "<html" in page and 'value="1.001193"' in page


def test_the_due_date_preview_follows_procedure_and_channel(app, make_procedure, officer_client):
    make_procedure(processing_time="Trực tuyến/Dịch vụ bưu chính: 20 Ngày; Trực tiếp: 15 Ngày")
    url = "/quan-ly/ho-so/them/han-tra?procedure_code=9.000001&received_at=2026-02-02T08:00&channel="
    direct = officer_client.get(url + "direct", headers=HTMX).get_data(as_text=True)
    online = officer_client.get(url + "online", headers=HTMX).get_data(as_text=True)
    assert "17/02/2026" not in direct and "23/02/2026" in direct  # 2/2 + 15 days is Tết: moved on
    assert "23/02/2026" in online  # 22/2 is a Sunday
    assert "<html" in officer_client.get(url + "direct").get_data(as_text=True)


@pytest.fixture
def dossier(procedure, officer_client) -> Dossier:
    officer_client.post("/quan-ly/ho-so/them", data=intake())
    return Dossier.by_code("XT-2026-000001")


def test_the_list_shows_the_register_and_filters_with_htmx(dossier, officer_client):
    page = officer_client.get("/quan-ly/ho-so/").get_data(as_text=True)
    assert "<html" in page and "XT-2026-000001" in page and "Nguyễn Thị Lan" in page
    fragment = officer_client.get("/quan-ly/ho-so/?q=lan", headers=HTMX).get_data(as_text=True)
    assert fragment.lstrip().startswith('<section id="ket-qua"') and "XT-2026-000001" in fragment
    assert "XT-2026-000001" not in officer_client.get("/quan-ly/ho-so/?q=zzz", headers=HTMX).get_data(as_text=True)
    overdue = officer_client.get("/quan-ly/ho-so/?overdue=1", headers=HTMX).get_data(as_text=True)
    assert "XT-2026-000001" in overdue and "Quá hạn" in overdue  # due 5/3/2026, long past


def test_a_quick_status_change_swaps_its_row_and_is_recorded(dossier, officer_client):
    row = officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai", data={"status": "processing"},
                              headers=HTMX)
    html = row.get_data(as_text=True)
    assert row.status_code == 200 and html.lstrip().startswith("<tr") and "Đang giải quyết" in html
    plain = officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai",
                                data={"status": "resolved", "back": "/quan-ly/ho-so/?q=lan"})
    assert plain.status_code == 303 and plain.headers["Location"] == "/quan-ly/ho-so/?q=lan"
    db.session.expire_all()
    assert dossier.status == "resolved" and dossier.finished_at is not None
    assert [c.status for c in dossier.changes] == ["received", "processing", "resolved"]
    assert all(c.username == officer_client.user.username for c in dossier.changes)
    skipped = officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai", data={"status": "returned"})
    assert skipped.status_code == 422


def test_a_finished_dossier_reopens_until_its_result_is_collected(dossier, officer_client):
    officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai", data={"status": "rejected"})
    row = officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai", data={"status": "processing"},
                              headers=HTMX).get_data(as_text=True)
    assert "Đang giải quyết" in row and "Giải quyết xong" in row
    db.session.expire_all()
    assert dossier.status == "processing" and dossier.finished_at is None and dossier.finished_on is None
    officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai", data={"status": "resolved"})
    officer_client.post("/quan-ly/ho-so/XT-2026-000001/da-tra")
    late = officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai", data={"status": "processing"})
    assert late.status_code == 422
    assert [c.status for c in dossier.changes] == ["received", "rejected", "processing", "resolved"]


def test_a_back_address_off_site_is_ignored(dossier, officer_client):
    response = officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai",
                                   data={"status": "processing", "back": "https://evil.example/"})
    assert response.headers["Location"] == "/quan-ly/ho-so/XT-2026-000001"


def test_result_returned_only_after_the_dossier_left_processing(dossier, officer_client):
    assert officer_client.post("/quan-ly/ho-so/XT-2026-000001/da-tra").status_code == 422
    officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai", data={"status": "resolved"})
    row = officer_client.post("/quan-ly/ho-so/XT-2026-000001/da-tra", headers=HTMX).get_data(as_text=True)
    assert "đã trả kết quả" in row
    db.session.expire_all()
    assert dossier.result_returned_at is not None


def test_the_receipt_carries_code_procedure_due_date_and_the_status_qr(dossier, officer_client):
    for size in ("80mm", "a5"):
        html = officer_client.get(f"/quan-ly/ho-so/XT-2026-000001/bien-nhan/{size}").get_data(as_text=True)
        assert "XT-2026-000001" in html and "Đăng ký khai sinh" in html and "05/03/2026" in html
        assert f'class="receipt receipt-{size}"' in html
    qr = officer_client.get("/quan-ly/ho-so/XT-2026-000001/qr.svg")
    assert qr.mimetype == "image/svg+xml"
    secret = Dossier.by_code("XT-2026-000001").lookup_secret
    assert qr.headers["ETag"].strip('"') == content_tag(f"{PUBLIC}/tra-cuu/XT-2026-000001/{secret}")


def test_viewers_read_statistics_but_cannot_touch_the_register(dossier, staff_client):
    viewer = staff_client("viewer")
    assert viewer.get("/quan-ly/thong-ke").status_code == 200
    assert viewer.get("/quan-ly/thong-ke.xlsx").status_code == 200
    for url in ("/quan-ly/ho-so/", "/quan-ly/ho-so/them", "/quan-ly/ho-so/XT-2026-000001",
                "/quan-ly/ho-so/XT-2026-000001/bien-nhan/a5"):
        assert viewer.get(url).status_code == 403, url
    assert viewer.post("/quan-ly/ho-so/them", data=intake()).status_code == 403
    assert viewer.post("/quan-ly/ho-so/XT-2026-000001/trang-thai", data={"status": "processing"}).status_code == 403
    assert count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(dossier, app):
    client = app.test_client()
    for url in ("/quan-ly/ho-so/", "/quan-ly/thong-ke", "/quan-ly/ho-so/XT-2026-000001/qr.svg"):
        response = client.get(url)
        assert response.status_code == 302 and "/dang-nhap" in response.headers["Location"], url


def test_personal_data_stays_out_of_the_audit_log(dossier):
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.record_type == "dossier")).all()
    assert entries and all("Lan" not in (e.changes or "") and "0912" not in (e.changes or "") for e in entries)


def test_the_statistics_page_and_its_print_layout_both_ways(dossier, viewer_client):
    page = viewer_client.get("/quan-ly/thong-ke?ky=month&nam=2026&thang=3").get_data(as_text=True)
    assert "<html" in page and "Tháng 03/2026" in page and "<svg" in page
    fragment = viewer_client.get("/quan-ly/thong-ke?ky=quarter&nam=2026&quy=1", headers=HTMX).get_data(as_text=True)
    assert fragment.lstrip().startswith('<section id="bao-cao"') and "Quý I/2026" in fragment
    printed = viewer_client.get("/quan-ly/thong-ke?ky=year&nam=2026&in=1").get_data(as_text=True)
    assert "report-print.css" in printed and "Năm 2026" in printed and "staff-nav" not in printed
    bad = viewer_client.get("/quan-ly/thong-ke?ky=custom&tu=2026-05-01&den=2026-04-01").get_data(as_text=True)
    assert "Khoảng ngày không hợp lệ" in bad


def test_concurrent_intake_never_repeats_a_receipt_code(procedure, app):
    if db.engine.dialect.name == "sqlite":
        db.session.execute(db.text("PRAGMA wal_checkpoint(TRUNCATE)"))
    procedure_id, errors = procedure.id, []

    def work():
        try:
            with app.app_context():
                for _ in range(8):
                    def fill(new):
                        new.procedure_id, new.applicant_name, new.due_date = procedure_id, "A", date(2026, 3, 5)
                        new.received_at = utcnow()
                    services.save_new_dossier(fill)
                db.session.remove()
        except Exception as exc:  # reported below: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    year = to_local(utcnow()).year
    codes = sorted(db.session.scalars(select(Dossier.receipt_code)))
    assert codes == [f"XT-{year}-{n:06d}" for n in range(1, 33)]


def test_my_tables_match_the_migration(app):
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    mine = [d for d in diff if MY_TABLES & set(re.findall(r"'(\w+)'", repr(d)))]
    assert mine == []
