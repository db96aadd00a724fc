"""Staff catalogue pages as officers use them: list, edit, retire, review, fields, import, export."""
import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEntry
from app.catalog.models import Field, Procedure
from app.core.timeutil import utcnow
from app.extensions import db

HX = {"HX-Request": "true"}
LIST = "/quan-ly/thu-tuc/"


def _html(response) -> str:
    return response.get_data(as_text=True)


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _reload(procedure: Procedure) -> Procedure:
    db.session.expire_all()
    return db.session.get(Procedure, procedure.id)


# --- List and filters --------------------------------------------------------------------

def test_list_is_a_full_page_and_htmx_gets_the_results_only(officer_client, make_procedure):
    make_procedure(name="Đăng ký khai sinh")
    page = officer_client.get(LIST)
    fragment = officer_client.get(LIST, headers=HX)
    assert page.status_code == fragment.status_code == 200
    assert "<html" in _html(page) and "Danh mục thủ tục" in _html(page)
    assert "<html" not in _html(fragment) and 'id="ket-qua"' in _html(fragment)
    assert "Đăng ký khai sinh" in _html(fragment)
    assert "HX-Request" in fragment.headers["Vary"]


def test_search_folds_diacritics_and_shows_replaced_procedures(officer_client, make_procedure):
    make_procedure(name="Đăng ký khai sinh", status="replaced", replaced_by="9.999999")
    make_procedure(name="Chứng thực bản sao")
    html = _html(officer_client.get(LIST, query_string={"q": "dang ky khai"}, headers=HX))
    assert "Đăng ký khai sinh" in html and "Thay bằng 9.999999" in html
    assert "Chứng thực bản sao" not in html


def test_filters_by_field_status_online_and_common(officer_client, make_field, make_procedure):
    civil, land = make_field(name="Hộ tịch"), make_field(name="Đất đai")
    make_procedure(name="Khai sinh", field=civil, is_common=True, online=True)
    make_procedure(name="Khai tử", field=civil, online=False)
    make_procedure(name="Giao đất", field=land, online=None, status="replaced")

    def names(**query) -> set[str]:
        html = _html(officer_client.get(LIST, query_string=query, headers=HX))
        return {n for n in ("Khai sinh", "Khai tử", "Giao đất") if f">{n}<" in html}

    assert names(field=civil.id) == {"Khai sinh", "Khai tử"}
    assert names(status="replaced") == {"Giao đất"}
    assert names(status="active") == {"Khai sinh", "Khai tử"}
    assert names(online="yes") == {"Khai sinh"}
    assert names(online="no") == {"Khai tử"}
    assert names(online="unknown") == {"Giao đất"}
    assert names(common="1") == {"Khai sinh"}


def test_list_is_paginated_and_page_links_keep_the_filter(officer_client, make_field, make_procedure):
    field = make_field()
    for n in range(55):
        make_procedure(name=f"Thủ tục số {n:02d}", field=field)
    first = _html(officer_client.get(LIST, query_string={"field": field.id}))
    assert "55 thủ tục" in first and "Trang 1 / 2" in first
    assert f"page=2&amp;field={field.id}" in first or f"field={field.id}&amp;page=2" in first
    second = _html(officer_client.get(LIST, query_string={"field": field.id, "page": 2}, headers=HX))
    assert second.count("<tr") == 1 + 5


def test_not_reviewed_for_90_days_filter(officer_client, make_procedure):
    make_procedure(name="Rà soát hôm qua", reviewed_at=utcnow() - timedelta(days=1))
    make_procedure(name="Rà soát lâu rồi", reviewed_at=utcnow() - timedelta(days=91))
    make_procedure(name="Chưa rà soát bao giờ")
    html = _html(officer_client.get(LIST, query_string={"stale": "1"}))
    assert "Rà soát lâu rồi" in html and "Chưa rà soát bao giờ" in html
    assert "Rà soát hôm qua" not in html


# --- Create and edit -----------------------------------------------------------------------

def _new(field: Field, **overrides) -> dict:
    return {"code": "1.000001", "name": "Thủ tục mới", "field_id": field.id,
            "url": "https://dichvucong.gov.vn/p/1", "online": "1", "online_full": ""} | overrides


def test_create_form_page_and_a_good_procedure_is_saved(officer_client, make_field):
    field = make_field(name="Hộ tịch")
    assert "Mã thủ tục" in _html(officer_client.get(f"{LIST}them"))
    response = officer_client.post(f"{LIST}them", data=_new(field, keywords="giấy khai sinh"))
    assert response.status_code == 303 and response.headers["Location"].endswith("/1.000001")
    procedure = Procedure.by_code("1.000001")
    assert procedure.field.name == "Hộ tịch" and procedure.online is True and procedure.online_full is None
    assert "giay khai sinh" in procedure.search_text


@pytest.mark.parametrize(("overrides", "message"), [
    ({"code": "1001193"}, "Mã thủ tục phải có dạng N.NNNNNN"),
    ({"code": "9.000001"}, "Mã 9.000001 đã có trong danh mục."),
    ({"url": "ftp://dichvucong.gov.vn/p/1"}, "Địa chỉ phải bắt đầu bằng http:// hoặc https://"),
    ({"url": "javascript:alert(1)"}, "Địa chỉ phải bắt đầu bằng http:// hoặc https://"),
    ({"name": "  "}, "Vui lòng nhập tên thủ tục."),
    ({"field_id": "0"}, "Vui lòng chọn lĩnh vực."),
])
def test_bad_input_is_refused_with_a_message_and_nothing_saved(officer_client, make_procedure, overrides, message):
    existing = make_procedure(code="9.000001")
    before = _count(Procedure)
    for headers in ({}, HX):
        response = officer_client.post(f"{LIST}them", data=_new(existing.field, **overrides), headers=headers)
        assert response.status_code == 422
        assert message in _html(response)
        assert ("<html" in _html(response)) is (headers == {})
    assert _count(Procedure) == before


def test_edit_saves_every_column_but_the_code(officer_client, make_procedure, make_field):
    procedure = make_procedure(name="Tên cũ", online=None)
    other = make_field(name="Chứng thực")
    page = officer_client.get(f"{LIST}{procedure.code}/sua")
    assert "Tên cũ" in _html(page)
    response = officer_client.post(f"{LIST}{procedure.code}/sua", headers=HX, data={
        "name": "Tên mới", "field_id": other.id, "url": "http://example.gov.vn/x", "online": "0",
        "online_full": "0", "fee": "50.000 đồng"})
    assert response.status_code == 204 and response.headers["HX-Redirect"].endswith(f"/{procedure.code}")
    procedure = _reload(procedure)
    assert (procedure.name, procedure.field.name, procedure.online, procedure.fee) == (
        "Tên mới", "Chứng thực", False, "50.000 đồng")
    assert "chung thuc" in procedure.search_text


def test_edit_with_a_bad_url_changes_nothing(officer_client, make_procedure):
    procedure = make_procedure(name="Tên cũ")
    response = officer_client.post(f"{LIST}{procedure.code}/sua", headers=HX, data={
        "name": "Tên mới", "field_id": procedure.field_id, "url": "dichvucong.gov.vn"})
    assert response.status_code == 422 and "http://" in _html(response)
    assert _reload(procedure).name == "Tên cũ"


def test_edit_shows_on_the_kiosk_at_once(officer_client, make_procedure):
    procedure = make_procedure(name="Tên trước khi sửa")
    kiosk_url = f"/kiosk/thu-tuc/{procedure.code}"
    assert "Tên trước khi sửa" in _html(officer_client.get(kiosk_url))  # now cached
    officer_client.post(f"{LIST}{procedure.code}/sua-nhanh/ten", data={"name": "Tên sau khi sửa"})
    html = _html(officer_client.get(kiosk_url))
    assert "Tên sau khi sửa" in html and "Tên trước khi sửa" not in html


# --- Inline parts ----------------------------------------------------------------------------

def test_procedure_page_and_inline_name_form_both_ways(officer_client, make_procedure):
    procedure = make_procedure(name="Cấp bản sao trích lục")
    page = _html(officer_client.get(f"{LIST}{procedure.code}"))
    assert "Cấp bản sao trích lục" in page and "Sửa tên" in page
    url = f"{LIST}{procedure.code}/sua-nhanh/ten"
    full, fragment = officer_client.get(url), officer_client.get(url, headers=HX)
    assert "<html" in _html(full) and "Lưu tên" in _html(full)
    assert "<html" not in _html(fragment) and "Lưu tên" in _html(fragment) and 'id="ten-thu-tuc"' in _html(fragment)


def test_inline_name_save_returns_the_part_and_an_empty_name_is_refused(officer_client, make_procedure):
    procedure = make_procedure(name="Tên cũ")
    url = f"{LIST}{procedure.code}/sua-nhanh/ten"
    saved = officer_client.post(url, data={"name": "  Tên   mới  "}, headers=HX)
    assert saved.status_code == 200 and "Tên mới" in _html(saved) and "<html" not in _html(saved)
    refused = officer_client.post(url, data={"name": ""}, headers=HX)
    assert refused.status_code == 422 and "Vui lòng nhập tên thủ tục." in _html(refused)
    assert _reload(procedure).name == "Tên mới"
    plain = officer_client.post(url, data={"name": "Tên khác"})
    assert plain.status_code == 303


def test_keywords_feed_the_kiosk_search(officer_client, make_procedure):
    procedure = make_procedure(name="Đăng ký kết hôn")
    assert "Đăng ký kết hôn" not in _html(officer_client.get("/kiosk/tim-kiem?q=trau+cau"))
    url = f"{LIST}{procedure.code}/sua-nhanh/tu-khoa"
    assert "Lưu từ khóa" in _html(officer_client.get(url, headers=HX))
    assert "<html" in _html(officer_client.get(url)) and "Lưu từ khóa" in _html(officer_client.get(url))
    saved = officer_client.post(url, data={"keywords": "trầu cau, dạm ngõ"}, headers=HX)
    assert saved.status_code == 200 and "trầu cau, dạm ngõ" in _html(saved)
    assert "Đăng ký kết hôn" in _html(officer_client.get("/kiosk/tim-kiem?q=trau+cau"))


def test_toggle_common_and_mark_reviewed(officer_client, make_procedure):
    procedure = make_procedure(is_common=False)
    assert 'aria-pressed="false"' in _html(officer_client.get(LIST, headers=HX))
    toggled = officer_client.post(f"{LIST}{procedure.code}/thuong-gap", headers=HX)
    assert toggled.status_code == 200 and 'aria-pressed="true"' in _html(toggled)
    assert "<html" not in _html(toggled) and "<tr" not in _html(toggled)
    assert _reload(procedure).is_common is True
    assert procedure.name in _html(officer_client.get("/kiosk/"))
    assert officer_client.post(f"{LIST}{procedure.code}/thuong-gap").status_code == 303
    assert _reload(procedure).is_common is False
    plain = officer_client.post(f"{LIST}{procedure.code}/ra-soat")
    assert plain.status_code == 303
    reviewed = _reload(procedure).reviewed_at
    assert reviewed is not None and utcnow() - reviewed < timedelta(minutes=1)
    fragment = _html(officer_client.post(f"{LIST}{procedure.code}/ra-soat", headers=HX))
    assert "Quá 90 ngày" not in fragment and 'id="trang-thai"' in fragment


# --- Retire ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "message"), [
    ("8.888888", "Không có thủ tục mã 8.888888"),
    ("SELF", "không thể thay thế chính nó"),
    ("REPLACED", "cũng đã bị thay thế"),
    ("1.2", "N.NNNNNN"),
])
def test_retire_refuses_a_bad_replacement(officer_client, make_procedure, code, message):
    procedure = make_procedure()
    gone = make_procedure(status="replaced", replaced_by=procedure.code)
    code = {"SELF": procedure.code, "REPLACED": gone.code}.get(code, code)
    response = officer_client.post(f"{LIST}{procedure.code}/thay-the", data={"replaced_by": code}, headers=HX)
    assert response.status_code == 422 and message in _html(response)
    assert _reload(procedure).is_active


def test_retire_sends_kiosk_users_to_the_new_procedure(officer_client, make_procedure):
    old = make_procedure(name="Thủ tục cũ", is_common=True)
    new = make_procedure(name="Thủ tục mới thay thế")
    assert "Xác nhận thay thế" in _html(officer_client.get(f"{LIST}{old.code}/thay-the"))
    response = officer_client.post(f"{LIST}{old.code}/thay-the", data={"replaced_by": new.code})
    assert response.status_code == 303
    old = _reload(old)
    assert (old.status, old.replaced_by, old.is_common) == ("replaced", new.code, False)
    kiosk = _html(officer_client.get(f"/kiosk/thu-tuc/{old.code}"))
    assert "đã được thay thế" in kiosk and f"/kiosk/thu-tuc/{new.code}" in kiosk
    officer_client.post(f"{LIST}{old.code}/khoi-phuc")
    assert _reload(old).is_active


# --- Fields ----------------------------------------------------------------------------------

def test_fields_page_and_rename_keeps_the_kiosk_address(officer_client, make_field, make_procedure):
    field = make_field(name="Hộ tich", slug="ho-tich")
    make_procedure(field=field)
    assert "Hộ tich" in _html(officer_client.get(f"{LIST}linh-vuc"))
    form = officer_client.get(f"{LIST}linh-vuc/{field.id}/doi-ten", headers=HX)
    assert "<html" not in _html(form) and "Lưu tên" in _html(form)
    assert "<html" in _html(officer_client.get(f"{LIST}linh-vuc/{field.id}/doi-ten"))
    officer_client.post(f"{LIST}linh-vuc/{field.id}/doi-ten", data={"name": "Hộ tịch"}, headers=HX)
    db.session.expire_all()
    assert (field.name, field.slug) == ("Hộ tịch", "ho-tich")
    assert "Hộ tịch" in _html(officer_client.get("/kiosk/linh-vuc/ho-tich"))


def test_rename_to_an_existing_name_is_refused(officer_client, make_field):
    first, second = make_field(name="Hộ tịch"), make_field(name="Chứng thực")
    response = officer_client.post(f"{LIST}linh-vuc/{second.id}/doi-ten", data={"name": "Hộ tịch"}, headers=HX)
    assert response.status_code == 422 and "Đã có lĩnh vực khác mang tên này." in _html(response)
    db.session.expire_all()
    assert second.name == "Chứng thực" and first.name == "Hộ tịch"


def test_fields_move_up_and_down(officer_client, make_field):
    a, b, c = make_field(name="A lĩnh vực"), make_field(name="B lĩnh vực"), make_field(name="C lĩnh vực")

    def order() -> list[str]:
        db.session.expire_all()
        return [f.name[0] for f in db.session.scalars(Field.ordered())]

    fragment = officer_client.post(f"{LIST}linh-vuc/{c.id}/len", headers=HX)
    assert fragment.status_code == 200 and "<html" not in _html(fragment)
    assert order() == ["A", "C", "B"]
    assert officer_client.post(f"{LIST}linh-vuc/{a.id}/xuong").status_code == 303
    assert order() == ["C", "A", "B"]
    officer_client.post(f"{LIST}linh-vuc/{c.id}/len")  # already first: nothing moves
    assert order() == ["C", "A", "B"]


# --- Import and export -----------------------------------------------------------------------

IMPORT = f"{LIST}nhap"
HEADER = "code,name,field,online,url\n"


def _upload(client, text: str | bytes, filename: str = "danh-muc.csv", headers=None):
    data = text.encode() if isinstance(text, str) else text
    return client.post(IMPORT, data={"file": (io.BytesIO(data), filename)},
                       content_type="multipart/form-data", headers=headers or {})


def test_import_preview_then_apply_in_one_go(officer_client, make_field, make_procedure):
    field = make_field(name="Hộ tịch")
    kept = make_procedure(code="1.000010", name="Giữ nguyên", field=field, online=True,
                          url="https://dichvucong.gov.vn/a")
    changed = make_procedure(code="1.000011", name="Tên cũ", field=field, online=True,
                             url="https://dichvucong.gov.vn/b")
    assert "Tải lên và xem trước" in _html(officer_client.get(IMPORT))
    response = _upload(officer_client, HEADER
                       + f"{kept.code},Giữ nguyên,Hộ tịch,true,https://dichvucong.gov.vn/a\n"
                       + f"{changed.code},Tên mới,Hộ tịch,true,https://dichvucong.gov.vn/b\n"
                       + "1.000012,Thủ tục thêm,Đất đai,false,\n")
    assert response.status_code == 303
    preview = _html(officer_client.get(response.headers["Location"]))
    assert "1.000012" in preview and "Thủ tục thêm" in preview
    assert "Tên cũ" in preview and "Tên mới" in preview  # the per-column diff
    assert "Áp dụng" in preview
    assert Procedure.by_code("1.000012") is None  # nothing written by the preview
    applied = officer_client.post(f"{IMPORT}/ap-dung")
    assert applied.status_code == 303
    db.session.expire_all()
    assert Procedure.by_code("1.000012").field.name == "Đất đai"
    assert Procedure.by_code(changed.code).name == "Tên mới"
    [entry] = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()
    assert "thêm 1, cập nhật 1, giữ nguyên 1" in entry.message
    assert entry.username == officer_client.user.username
    # The stored file is gone: applying twice does nothing.
    again = officer_client.post(f"{IMPORT}/ap-dung")
    assert again.status_code == 303 and again.headers["Location"].endswith("/nhap")


def test_import_with_a_bad_row_lists_it_and_cannot_be_applied(officer_client, app, make_procedure):
    procedure = make_procedure(code="1.000020", name="Tên đang dùng")
    response = _upload(officer_client, HEADER + "1.000021,Thủ tục tốt,Hộ tịch,,\n"
                       + "12345,Mã sai,Hộ tịch,,\n" + f"{procedure.code},Tên đổi,Hộ tịch,,ftp://x\n")
    preview = _html(officer_client.get(response.headers["Location"]))
    assert "Dòng 3: mã thủ tục &#39;12345&#39; không đúng dạng N.NNNNNN." in preview
    assert "Dòng 4:" in preview and "chưa thể áp dụng" in preview
    assert "ap-dung" not in preview
    before = _count(Procedure)
    refused = officer_client.post(f"{IMPORT}/ap-dung", headers=HX)
    assert refused.status_code == 422 and "Dòng 3" in _html(refused)
    db.session.expire_all()
    assert _count(Procedure) == before and Procedure.by_code("1.000021") is None
    assert Procedure.by_code(procedure.code).name == "Tên đang dùng"


@pytest.mark.parametrize(("content", "filename", "message"), [
    ("[{not json", "danh-muc.json", "Tệp JSON bị lỗi"),
    ("code,name\n1.000001,x\n", "danh-muc.pdf", "Chỉ nhận tệp .json, .csv hoặc .xlsx."),
    (b"PK\x03\x04broken", "danh-muc.xlsx", "Tệp Excel bị hỏng"),
    ("", "danh-muc.csv", "Tệp trống."),
])
def test_unreadable_upload_is_refused_next_to_the_field(officer_client, content, filename, message):
    for headers in ({}, HX):
        response = _upload(officer_client, content, filename, headers)
        assert response.status_code == 422 and message in _html(response)


def test_upload_over_the_size_limit_is_refused(officer_client, monkeypatch):
    from app.catalog import services

    monkeypatch.setattr(services, "MAX_IMPORT_BYTES", 100)
    response = _upload(officer_client, HEADER + "1.000001,Tên,Hộ tịch,,\n" * 10)
    assert response.status_code == 422 and "Tệp lớn hơn" in _html(response)


def test_cancel_import_drops_the_file(officer_client, app):
    from pathlib import Path

    _upload(officer_client, HEADER + "1.000031,Tên,Hộ tịch,,\n")
    folder = Path(app.config["UPLOAD_DIR"]) / "catalog-imports"
    assert len(list(folder.iterdir())) == 1
    officer_client.post(f"{IMPORT}/huy")
    assert list(folder.iterdir()) == []
    assert officer_client.get(f"{IMPORT}/xem-truoc").status_code == 302


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_downloads_and_imports_back_unchanged(officer_client, make_procedure, kind):
    make_procedure(name="Đăng ký khai sinh", keywords="con mới sinh", fee="=1+1")
    make_procedure(name="Chứng thực bản sao", online=None, url=None)
    response = officer_client.get(f"{LIST}xuat.{kind}")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert "attachment" in disposition and f"filename*=UTF-8''Danh%20m%E1%BB%A5c" in disposition
    if kind == "csv":
        rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.data)).worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == ["Mã thủ tục", "Tên thủ tục", "Tên ngắn gọn", "Lĩnh vực"] and len(rows) == 3
    upload = _upload(officer_client, response.data, f"xuat.{kind}")
    preview = _html(officer_client.get(upload.headers["Location"]))
    assert "Tệp không có gì mới so với danh mục hiện tại." in preview


# --- Who may do what -------------------------------------------------------------------------

WRITES = [
    ("post", f"{LIST}them"), ("get", f"{LIST}them"), ("get", f"{LIST}{{code}}/sua"),
    ("post", f"{LIST}{{code}}/sua"), ("post", f"{LIST}{{code}}/sua-nhanh/ten"),
    ("post", f"{LIST}{{code}}/thuong-gap"), ("post", f"{LIST}{{code}}/ra-soat"),
    ("post", f"{LIST}{{code}}/thay-the"), ("post", f"{LIST}linh-vuc/{{field}}/len"),
    ("post", f"{LIST}linh-vuc/{{field}}/doi-ten"), ("get", IMPORT), ("post", f"{IMPORT}/ap-dung"),
]
READS = [f"{LIST}", f"{LIST}{{code}}", f"{LIST}linh-vuc", f"{LIST}xuat.csv", "/quan-ly/ma-qr"]


def test_viewer_reads_but_cannot_edit(staff_client, app, make_procedure):
    procedure = make_procedure(name="Không được sửa")
    viewer = staff_client("viewer")
    for url in READS:
        assert viewer.get(url.format(code=procedure.code)).status_code == 200, url
    page = _html(viewer.get(f"{LIST}{procedure.code}"))
    assert "Sửa tên" not in page and "Đã rà soát hôm nay" not in page
    for method, url in WRITES:
        response = getattr(viewer, method)(url.format(code=procedure.code, field=procedure.field_id),
                                           data={"name": "Đã bị sửa"})
        assert response.status_code == 403, url
    assert _reload(procedure).name == "Không được sửa"


def test_anonymous_is_sent_to_sign_in(client, make_procedure):
    procedure = make_procedure()
    for url in READS:
        response = client.get(url.format(code=procedure.code))
        assert response.status_code == 302 and "/dang-nhap" in response.headers["Location"], url
    htmx = client.get(LIST, headers=HX)
    assert "/dang-nhap" in htmx.headers["HX-Redirect"]


def test_abandoned_uploads_are_dropped_after_a_day(officer_client, app):
    import os
    import time
    from pathlib import Path

    _upload(officer_client, HEADER + "1.000041,Tên,Hộ tịch,,\n")
    folder = Path(app.config["UPLOAD_DIR"]) / "catalog-imports"
    [old] = folder.iterdir()
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    _upload(officer_client, HEADER + "1.000042,Tên,Hộ tịch,,\n")
    assert old not in list(folder.iterdir()) and len(list(folder.iterdir())) == 1


def test_a_script_in_a_name_is_shown_as_text(officer_client, make_procedure):
    payload = '<script>alert("x")</script>'
    procedure = make_procedure(name=f"Thủ tục {payload}", keywords=payload)
    pages = [LIST, f"{LIST}{procedure.code}", f"{LIST}{procedure.code}/sua",
             f"/quan-ly/ma-qr/in?field={procedure.field_id}"]
    for url in pages:
        html = _html(officer_client.get(url))
        assert payload not in html and "&lt;script&gt;" in html, url
