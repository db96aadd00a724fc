"""Printable QR sheets and the short links printed under each code."""
import re
from datetime import datetime, timezone

import time_machine

from app.qr import services as qr

SHEET = "/quan-ly/ma-qr/in"


def _html(response) -> str:
    return response.get_data(as_text=True)


def test_choose_page_lists_fields_and_page_sizes(viewer_client, make_field):
    make_field(name="Hộ tịch")
    html = _html(viewer_client.get("/quan-ly/ma-qr"))
    assert "Hộ tịch" in html and "Thủ tục thường gặp" in html
    assert all(f'value="{n}"' in html for n in (6, 8, 12))


def test_sheet_for_one_field_shows_each_code_with_its_text(app, staff_client, make_field, make_procedure):
    app.config["COMMUNE_NAME"] = "UBND xã Tân Phú"
    field = make_field(name="Hộ tịch")
    full = make_procedure(code="1.001193", name="Đăng ký khai sinh", field=field, online=True, online_full=True)
    counter = make_procedure(code="1.000894", name="Đăng ký kết hôn", field=field, online=False)
    make_procedure(name="Thủ tục lĩnh vực khác")
    with time_machine.travel(datetime(2026, 3, 4, 20, 0, tzinfo=timezone.utc), tick=False):
        html = _html(staff_client("viewer").get(SHEET, query_string={"field": field.id, "n": 6}))
    # 20:00 UTC on 4 March is already 5 March in Vietnam.
    assert "UBND xã Tân Phú" in html and "Ngày in 05/03/2026" in html and "Hộ tịch" in html
    assert "Thủ tục lĩnh vực khác" not in html
    for procedure in (full, counter):
        tag = qr.content_tag(procedure.url)
        assert f"/kiosk/thu-tuc/{procedure.code}/qr.svg?v={tag}" in html
        assert f"dichvucong.gov.vn · mã\u00a0{procedure.code}" in html
        assert f"motcua.example.vn/t/{procedure.code}" in html
    assert "Nộp trực tuyến toàn trình" in html and "Nộp tại Bộ phận Một cửa" in html
    assert "per-page-6" in html


def test_codes_are_split_into_pages_of_n(viewer_client, make_field, make_procedure):
    field = make_field()
    for n in range(13):
        make_procedure(field=field)
    for per_page, pages in ((6, 3), (8, 2), (12, 2)):
        html = _html(viewer_client.get(SHEET, query_string={"field": field.id, "n": per_page}))
        assert html.count('class="sheet-page"') == pages
        assert html.count('class="qr-card"') == 13
        assert f"Trang {pages}/{pages}" in html


def test_common_and_several_fields_on_one_sheet(viewer_client, make_field, make_procedure):
    a, b, c = make_field(name="Hộ tịch"), make_field(name="Chứng thực"), make_field(name="Đất đai")
    make_procedure(name="Khai sinh", field=a)
    make_procedure(name="Sao y", field=b)
    make_procedure(name="Giao đất", field=c, is_common=True)
    make_procedure(name="Đã thay thế", field=a, status="replaced")
    html = _html(viewer_client.get(SHEET, query_string=[("field", a.id), ("field", b.id), ("common", "1")]))
    names = re.findall(r'<p class="qr-name">([^<]+)</p>', html)
    assert sorted(names) == ["Giao đất", "Khai sinh", "Sao y"]
    assert "Thủ tục thường gặp, Hộ tịch, Chứng thực" in html


def test_procedures_without_a_url_are_listed_apart(viewer_client, make_field, make_procedure):
    field = make_field()
    make_procedure(field=field, name="Có địa chỉ")
    make_procedure(field=field, name="Không có địa chỉ", url=None)
    html = _html(viewer_client.get(SHEET, query_string={"field": field.id}))
    assert html.count('class="qr-card"') == 1
    assert "Thủ tục chưa có mã QR (1)" in html and "Không có địa chỉ" in html


def test_no_short_link_when_the_public_address_is_private(app, viewer_client, make_procedure):
    procedure = make_procedure()
    for private in ("http://localhost:8000", "http://192.168.1.10", "http://motcua"):
        app.config["PUBLIC_BASE_URL"] = private
        html = _html(viewer_client.get(SHEET, query_string={"field": procedure.field_id}))
        assert "/t/" not in html and f"dichvucong.gov.vn · mã\u00a0{procedure.code}" in html


def test_sheet_with_nothing_chosen_asks_again(viewer_client):
    response = viewer_client.get(SHEET)
    assert response.status_code == 422
    assert "Vui lòng chọn ít nhất một lĩnh vực" in _html(response)


def test_sheets_need_a_signed_in_user(client, make_procedure):
    procedure = make_procedure()
    for url in ("/quan-ly/ma-qr", f"{SHEET}?field={procedure.field_id}"):
        assert "/dang-nhap" in client.get(url).headers["Location"]


def test_short_link_redirects_anyone_to_the_portal(client, make_procedure):
    procedure = make_procedure()
    response = client.get(f"/t/{procedure.code}")
    assert response.status_code == 302 and response.headers["Location"] == procedure.url


def test_short_link_of_a_replaced_procedure_leads_to_its_replacement(client, make_procedure):
    new = make_procedure()
    old = make_procedure(status="replaced", replaced_by=new.code)
    assert client.get(f"/t/{old.code}").headers["Location"] == new.url


def test_short_link_unknown_or_without_url_is_not_found(client, make_procedure):
    no_url = make_procedure(url=None)
    for code in ("1.999999", no_url.code, "nonsense"):
        response = client.get(f"/t/{code}")
        assert response.status_code == 404 and "Không tìm thấy" in _html(response)
