"""Importing the province's export: preview with row errors, then all rows in one transaction."""
import html
import io
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import func, select

from app.dossiers import statistics
from app.dossiers.models import Dossier
from app.dossiers.periods import month_period
from app.extensions import db

HEADER = "Mã hồ sơ;Mã thủ tục;Người nộp;Số điện thoại;Kênh;Số hóa;Ngày tiếp nhận;Hạn trả;Trạng thái;Ngày giải quyết"
GOOD = [
    "H-2026-0001;9.000001;Trần Văn Bình;0987654321;Trực tuyến;có;02/03/2026 08:00;05/03/2026;Đã giải quyết;04/03/2026 10:00",
    "H-2026-0002;9.000001;Lê Thị Cúc;;trực tiếp;không;03/03/2026 09:15;;Đang giải quyết;",
    "h-2026-0003;9.000001;Phạm An;;Buu chinh;;2026-03-04;2026-03-09;tra lai;2026-03-05 08:00",
]


@pytest.fixture
def procedure(app, make_procedure):
    return make_procedure(processing_time="3 Ngày làm việc")


def upload(client, lines, name="ho-so.csv", headers=None):
    body = "\n".join([HEADER, *lines]).encode("utf-8-sig")
    return client.post("/quan-ly/ho-so/nhap", data={"file": (io.BytesIO(body), name)},
                       content_type="multipart/form-data", headers=headers or {})


def count() -> int:
    return db.session.scalar(select(func.count(Dossier.id)))


def test_preview_then_apply_adds_every_row(procedure, officer_client):
    response = upload(officer_client, GOOD)
    assert response.status_code == 303
    preview = officer_client.get("/quan-ly/ho-so/nhap/xem-truoc").get_data(as_text=True)
    assert "Sẽ thêm <strong>3</strong> hồ sơ" in preview and "H-2026-0003" in preview
    assert count() == 0  # nothing saved before "Nhập"
    applied = officer_client.post("/quan-ly/ho-so/nhap/ap-dung")
    assert applied.status_code == 303 and count() == 3
    first, second, third = (Dossier.by_code(f"H-2026-000{n}") for n in (1, 2, 3))
    assert (first.channel, first.digitised, first.status, first.finished_on) == ("online", True, "resolved",
                                                                                  date(2026, 3, 4))
    assert second.due_date == date(2026, 3, 6) and second.status == "processing"  # computed: 3 working days
    assert third.channel == "postal" and third.status == "returned"
    march = statistics.build_report(month_period(2026, 3)).total
    assert (march.received, march.online, march.early, march.returned, march.in_progress) == (3, 1, 1, 1, 1)


def test_the_same_export_twice_changes_nothing(procedure, officer_client):
    upload(officer_client, GOOD)
    officer_client.post("/quan-ly/ho-so/nhap/ap-dung")
    upload(officer_client, GOOD)
    preview = officer_client.get("/quan-ly/ho-so/nhap/xem-truoc").get_data(as_text=True)
    assert "<strong>3</strong> hồ sơ đã có" in preview
    assert count() == 3


def test_one_bad_row_blocks_the_whole_file_and_every_error_is_listed(procedure, officer_client):
    bad = GOOD + [
        "H-2026-0004;9.999999;Ai đó;;trực tiếp;;02/03/2026;05/03/2026;;",
        "H-2026-0005;9.000001;Ai đó;;bằng bồ câu;;02/03/2026;05/03/2026;;",
        "H-2026-0006;9.000001;Ai đó;;;;hôm qua;;;",
        "H-2026-0007;9.000001;Ai đó;;;;05/03/2026;01/03/2026;;",
        "H-2026-0008;9.000001;Ai đó;;;;05/03/2026;;Đã giải quyết;",
        "H-2026-0001;9.000001;Trùng;;;;05/03/2026;;;",
        ";9.000001;Không mã;;;;05/03/2026;;;",
    ]
    upload(officer_client, bad)
    preview = html.unescape(officer_client.get("/quan-ly/ho-so/nhap/xem-truoc").get_data(as_text=True))
    assert "Số dòng không lỗi <strong>3</strong>" in preview
    for message in ("Dòng 5: không có thủ tục mã '9.999999'", "Dòng 6: cột 'kenh' = 'bằng bồ câu' không hiểu được",
                    "Dòng 7: cột 'ngay_tiep_nhan' = 'hôm qua' không phải ngày",
                    "Dòng 8: hạn trả trước ngày tiếp nhận", "Dòng 9: hồ sơ đã kết thúc nhưng thiếu 'ngay_giai_quyet'",
                    "Dòng 10: mã hồ sơ H-2026-0001 trùng với Dòng 2", "Dòng 11: thiếu cột 'ma_ho_so'"):
        assert message in preview, message
    assert "ap-dung" not in preview
    refused = officer_client.post("/quan-ly/ho-so/nhap/ap-dung")
    assert refused.status_code == 303 and count() == 0


def test_an_xlsx_export_with_excel_dates_is_read(procedure, officer_client):
    book = openpyxl.Workbook()
    book.active.append(["Mã hồ sơ", "Mã thủ tục", "Người nộp", "Ngày tiếp nhận", "Hạn trả", "Trạng thái"])
    book.active.append(["X-1", "9.000001", "Ngô Bảo", datetime(2026, 3, 2, 8, 0), datetime(2026, 3, 5), "Đã tiếp nhận"])
    buffer = io.BytesIO()
    book.save(buffer)
    officer_client.post("/quan-ly/ho-so/nhap", data={"file": (io.BytesIO(buffer.getvalue()), "ho-so.xlsx")},
                        content_type="multipart/form-data")
    officer_client.post("/quan-ly/ho-so/nhap/ap-dung")
    assert Dossier.by_code("X-1").due_date == date(2026, 3, 5)


def test_an_unreadable_file_is_refused_next_to_the_field_both_ways(procedure, officer_client):
    for headers in ({}, {"HX-Request": "true"}):
        response = officer_client.post("/quan-ly/ho-so/nhap", data={"file": (io.BytesIO(b"PK\x03\x04junk"), "a.xlsx")},
                                       content_type="multipart/form-data", headers=headers)
        html = response.get_data(as_text=True)
        assert response.status_code == 422 and "Tệp Excel bị hỏng" in html
        assert ("<html" in html) is not bool(headers)


def test_viewers_cannot_import(procedure, viewer_client):
    assert upload(viewer_client, GOOD).status_code == 403
    assert viewer_client.post("/quan-ly/ho-so/nhap/ap-dung").status_code == 403


def test_nul_characters_in_the_export_are_dropped(procedure, officer_client):
    line = "H-2026-0009;9.000001;Trần\x00 Văn Bình;;Trực tuyến;có;02/03/2026 08:00;05/03/2026;Đã giải quyết;04/03/2026 10:00"
    assert upload(officer_client, [line]).status_code == 303
    assert officer_client.post("/quan-ly/ho-so/nhap/ap-dung").status_code == 303
    assert Dossier.by_code("H-2026-0009").applicant_name == "Trần Văn Bình"
