"""The catalogue's export and import as officers use them: Vietnamese headers with the commune's own
columns, a round trip that changes nothing, the province's 'unknown' words, warnings instead of
refusals, and the saved message of the full edit."""
import csv
import io

import openpyxl
import pytest
from sqlalchemy import select

from app.catalog import exporter
from app.catalog.models import Procedure
from app.extensions import db

LIST = "/quan-ly/thu-tuc/"
IMPORT = f"{LIST}nhap"
HX = {"HX-Request": "true"}
HEADERS = ["Mã thủ tục", "Tên thủ tục", "Tên ngắn gọn", "Lĩnh vực", "Tình trạng", "Mã thủ tục thay thế",
           "Thường gặp", "Nộp trực tuyến", "Thời hạn đã xác nhận (số)", "Thời hạn đã xác nhận (đơn vị)",
           "Cần mang theo"]


def _html(response) -> str:
    return response.get_data(as_text=True)


def _upload(client, data: bytes | str, filename: str = "danh-muc.csv"):
    data = data.encode() if isinstance(data, str) else data
    return client.post(IMPORT, data={"file": (io.BytesIO(data), filename)}, content_type="multipart/form-data")


def _rows(data: bytes, kind: str) -> list[list]:
    if kind == "csv":
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def catalogue(app, make_field, make_procedure):
    """Two procedures using every column the commune keeps itself."""
    field = make_field(name="Hộ tịch")
    new = make_procedure(code="1.001193", name="Thủ tục đăng ký khai sinh", field=field, is_common=True,
                         short_name="Đăng ký khai sinh", what_to_bring="Tờ khai\nGiấy chứng sinh",
                         time_amount=3, time_unit="ngày làm việc", online=None, fee="=1+1")
    make_procedure(code="1.004772", name="Đăng ký khai sinh (cũ)", field=field, status="replaced",
                   replaced_by=new.code, online=True, processing_time="Ngay trong ngày")
    return new


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_export_speaks_vietnamese_and_carries_the_communes_columns(catalogue, viewer_client, kind):
    response = viewer_client.get(f"{LIST}xuat.{kind}")
    rows = _rows(response.data, kind)
    assert rows[0][:len(HEADERS)] == HEADERS
    assert "Thời hạn giải quyết" in rows[0] and "processing_time" not in rows[0]
    current = rows[1][:len(HEADERS)]
    assert current[:4] == ["1.001193", "Thủ tục đăng ký khai sinh", "Đăng ký khai sinh", "Hộ tịch"]
    assert current[4:8] == ["Đang áp dụng", "", "Có", "Không rõ"]
    assert str(current[8]) == "3" and current[9:] == ["ngày làm việc", "Tờ khai\nGiấy chứng sinh"]
    assert rows[2][4:8] == ["Đã thay thế", "1.001193", "Không", "Có"]
    assert "'=1+1" in rows[1]  # still through the formula-quoting helper


def test_the_xlsx_keeps_its_header_in_view_with_sensible_widths(catalogue, viewer_client):
    sheet = openpyxl.load_workbook(io.BytesIO(viewer_client.get(f"{LIST}xuat.xlsx").data)).worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    widths = {sheet.cell(1, n).value: sheet.column_dimensions[openpyxl.utils.get_column_letter(n)].width
              for n in range(1, sheet.max_column + 1)}
    assert widths["Mã thủ tục"] < 15 < widths["Tên ngắn gọn"] < widths["Tên thủ tục"]
    assert all(8 <= width <= 60 for width in widths.values())


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_then_import_changes_nothing_and_restores_what_was_lost(catalogue, officer_client, kind):
    exported = officer_client.get(f"{LIST}xuat.{kind}").data
    preview = _html(officer_client.get(_upload(officer_client, exported, f"xuat.{kind}").headers["Location"]))
    assert "Tệp không có gì mới so với danh mục hiện tại." in preview and "dòng lỗi" in preview

    procedure = Procedure.by_code("1.001193")
    procedure.is_common, procedure.short_name, procedure.what_to_bring = False, None, None
    procedure.time_amount = procedure.time_unit = None
    old = Procedure.by_code("1.004772")
    old.status, old.replaced_by = "active", None
    db.session.commit()
    upload = _upload(officer_client, exported, f"xuat.{kind}")
    preview = _html(officer_client.get(upload.headers["Location"]))
    for label in ("Thường gặp", "Tên ngắn gọn", "Cần mang theo", "Thời hạn đã xác nhận (số)", "Tình trạng",
                  "Mã thủ tục thay thế"):
        assert f'<th scope="row">{label}</th>' in preview, label
    assert "Đã thay thế" in preview and "is_common" not in preview
    assert officer_client.post(f"{IMPORT}/ap-dung").status_code == 303
    db.session.expire_all()
    procedure, old = Procedure.by_code("1.001193"), Procedure.by_code("1.004772")
    assert (procedure.is_common, procedure.short_name, procedure.what_to_bring) == (
        True, "Đăng ký khai sinh", "Tờ khai\nGiấy chứng sinh")
    assert (procedure.time_amount, procedure.time_unit, procedure.online) == (3, "ngày làm việc", None)
    assert (old.status, old.replaced_by, procedure.fee) == ("replaced", "1.001193", "=1+1")


def test_a_national_file_without_the_communes_columns_leaves_them_alone(catalogue, officer_client):
    national = ("code,name,field,online,processing_time\n"
                "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,co_nop_truc_tuyen,Ngay trong ngày\n")
    preview = _html(officer_client.get(_upload(officer_client, national).headers["Location"]))
    assert '<th scope="row">Thời hạn giải quyết</th>' in preview and "processing_time" not in preview
    officer_client.post(f"{IMPORT}/ap-dung")
    db.session.expire_all()
    procedure = Procedure.by_code("1.001193")
    assert procedure.online is True and procedure.processing_time == "Ngay trong ngày"
    assert procedure.is_common and procedure.short_name == "Đăng ký khai sinh" and procedure.time_amount == 3


@pytest.mark.parametrize("word", ["khong_ro", "", "không rõ", "Không rõ", "KHONG_RO"])
def test_a_value_meaning_unknown_imports_as_unknown(app, officer_client, make_procedure, word):
    make_procedure(code="1.000001", name="Thủ tục A", online=True)
    upload = _upload(officer_client, f"code,name,field,online\n1.000001,Thủ tục A,Hộ tịch,{word}\n")
    preview = _html(officer_client.get(upload.headers["Location"]))
    assert "Giá trị chưa hiểu được" not in preview and "chưa thể áp dụng" not in preview
    assert officer_client.post(f"{IMPORT}/ap-dung").status_code == 303
    db.session.expire_all()
    assert Procedure.by_code("1.000001").online is None


def test_a_value_not_understood_is_a_warning_and_the_rest_imports(app, officer_client, make_procedure):
    make_procedure(code="1.000001", name="Thủ tục A", online=True)
    rows = ["Mã thủ tục,Tên thủ tục,Lĩnh vực,Nộp trực tuyến,Thường gặp,Thời hạn đã xác nhận (số),"
            "Thời hạn đã xác nhận (đơn vị)",
            "1.000001,Thủ tục A (tên mới),Hộ tịch,có thể,x,3,tuần",
            "1.000002,Thủ tục B,Hộ tịch,maybe,,,"]
    rows += [f"1.{n:06d},Thủ tục {n},Hộ tịch,khong_ro,,," for n in range(3, 18)]
    upload = _upload(officer_client, "\n".join(rows) + "\n")
    assert upload.status_code == 303
    preview = _html(officer_client.get(upload.headers["Location"]))
    assert "Giá trị chưa hiểu được (3): vẫn nhập được" in preview
    assert "Dòng 2: cột “Nộp trực tuyến” = &#39;có thể&#39; không hiểu được: giữ nguyên giá trị đang có." in preview
    assert "Dòng 2: cột “Thời hạn đã xác nhận (đơn vị)” = &#39;tuần&#39; phải là giờ, ngày hoặc ngày làm việc" in preview
    assert "Dòng 3: cột “Nộp trực tuyến” = &#39;maybe&#39;" in preview
    assert "chưa thể áp dụng" not in preview and "Áp dụng" in preview
    assert officer_client.post(f"{IMPORT}/ap-dung").status_code == 303
    db.session.expire_all()
    first, second = Procedure.by_code("1.000001"), Procedure.by_code("1.000002")
    assert first.name == "Thủ tục A (tên mới)" and first.online is True and first.is_common
    assert first.time_amount is None and second.online is None
    assert db.session.scalar(select(db.func.count(Procedure.id))) == 17


@pytest.mark.parametrize("bad, message", [
    ("1.00001,Thủ tục,Hộ tịch,khong_ro", "không đúng dạng N.NNNNNN"),
    ("1.000001,,Hộ tịch,khong_ro", "thiếu “Tên thủ tục” (name)"),
    ("1.000001,Thủ tục,,khong_ro", "thiếu “Lĩnh vực” (field)"),
])
def test_the_columns_the_kiosk_cannot_do_without_still_refuse(app, officer_client, bad, message):
    upload = _upload(officer_client, f"code,name,field,online\n{bad}\n")
    preview = _html(officer_client.get(upload.headers["Location"]))
    assert message in preview and "chưa thể áp dụng" in preview


def test_the_full_edit_says_it_saved(officer_client, make_procedure):
    procedure = make_procedure(name="Tên cũ")
    page = officer_client.post(f"{LIST}{procedure.code}/sua", follow_redirects=True, data={
        "name": "Tên mới", "field_id": procedure.field_id, "online": "1", "online_full": "",
        "fee": "50.000 đồng", "time_amount": "3", "time_unit": "ngày làm việc"})
    html = _html(page)
    assert f"Đã lưu thủ tục {procedure.code}." in html and "Tên mới" in html
    assert "50.000 đồng" in html and "3 ngày làm việc" in html  # the page shows the fee and time it edits
    htmx = officer_client.post(f"{LIST}{procedure.code}/sua", headers=HX, data={
        "name": "Tên mới hơn", "field_id": procedure.field_id, "online": "1", "online_full": ""})
    assert htmx.status_code == 204
    assert "Đã lưu thủ tục" in _html(officer_client.get(htmx.headers["HX-Redirect"]))


def test_the_exporter_and_the_importer_name_the_same_columns():
    from app.catalog import columns

    assert set(columns.EXPORTED) == set(columns.COLUMNS)
    assert all(columns.column_key(columns.LABELS[c]) == c and columns.column_key(c) == c for c in columns.COLUMNS)
    assert exporter.header()[0] == "Mã thủ tục"
